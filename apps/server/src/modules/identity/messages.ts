/** What the identity module writes to people: the sign-in code by email or SMS, and the lock warning. */
import { defineCatalogue } from '../../platform/i18n';

export const identityMessages = defineCatalogue(
  'identity',
  {
    codeSubject: 'Your Video Window sign-in code: {code}',
    codeIntro: 'Your sign-in code is',
    codeLine: 'Your sign-in code is {code}.',
    codeValidity: 'It is valid for {minutes, plural, one {# minute} other {# minutes}} and can be used once.',
    codeIgnore: 'If you did not ask for it, ignore this message.',
    smsSubject: 'Sign-in code',
    smsText: 'Video Window code: {code} (valid {minutes} min)',
    lockedSubject: 'Someone is trying to sign in to your account',
    lockedText:
      'Someone is trying to sign in to your account with wrong codes. Sign-in by code is paused for today. If this was not you, no action is needed: your account is safe.',
  },
  {
    pt: {
      codeSubject: 'O seu código de acesso à Video Window: {code}',
      codeIntro: 'O seu código de acesso é',
      codeLine: 'O seu código de acesso é {code}.',
      codeValidity: 'É válido durante {minutes, plural, one {# minuto} other {# minutos}} e só pode ser usado uma vez.',
      codeIgnore: 'Se não o pediu, ignore esta mensagem.',
      smsSubject: 'Código de acesso',
      smsText: 'Código Video Window: {code} (válido {minutes} min)',
      lockedSubject: 'Alguém está a tentar entrar na sua conta',
      lockedText:
        'Alguém está a tentar entrar na sua conta com códigos errados. O acesso por código fica suspenso durante o dia de hoje. Se não foi você, não precisa de fazer nada: a sua conta está segura.',
    },
    es: {
      codeSubject: 'Tu código de acceso a Video Window: {code}',
      codeIntro: 'Tu código de acceso es',
      codeLine: 'Tu código de acceso es {code}.',
      codeValidity:
        'Es válido durante {minutes, plural, one {# minuto} other {# minutos}} y solo se puede usar una vez.',
      codeIgnore: 'Si no lo has pedido, ignora este mensaje.',
      smsSubject: 'Código de acceso',
      smsText: 'Código de Video Window: {code} (válido {minutes} min)',
      lockedSubject: 'Alguien intenta entrar en tu cuenta',
      lockedText:
        'Alguien intenta entrar en tu cuenta con códigos incorrectos. El acceso con código queda en pausa por hoy. Si no has sido tú, no tienes que hacer nada: tu cuenta está a salvo.',
    },
    fr: {
      codeSubject: 'Votre code de connexion Video Window : {code}',
      codeIntro: 'Votre code de connexion est',
      codeLine: 'Votre code de connexion est {code}.',
      codeValidity:
        'Il est valable {minutes, plural, one {# minute} other {# minutes}} et ne peut servir qu’une seule fois.',
      codeIgnore: 'Si vous ne l’avez pas demandé, ignorez ce message.',
      smsSubject: 'Code de connexion',
      smsText: 'Code Video Window : {code} (valable {minutes} min)',
      lockedSubject: 'Quelqu’un essaie de se connecter à votre compte',
      lockedText:
        'Quelqu’un essaie de se connecter à votre compte avec des codes erronés. La connexion par code est suspendue pour aujourd’hui. Si ce n’était pas vous, vous n’avez rien à faire : votre compte est en sécurité.',
    },
    de: {
      codeSubject: 'Dein Anmeldecode für Video Window: {code}',
      codeIntro: 'Dein Anmeldecode lautet',
      codeLine: 'Dein Anmeldecode lautet {code}.',
      codeValidity:
        'Er ist {minutes, plural, one {# Minute} other {# Minuten}} lang gültig und kann nur einmal verwendet werden.',
      codeIgnore: 'Wenn du ihn nicht angefordert hast, ignoriere diese Nachricht.',
      smsSubject: 'Anmeldecode',
      smsText: 'Video-Window-Code: {code} ({minutes} Min. gültig)',
      lockedSubject: 'Jemand versucht, sich bei deinem Konto anzumelden',
      lockedText:
        'Jemand versucht, sich mit falschen Codes bei deinem Konto anzumelden. Die Anmeldung per Code ist für heute gesperrt. Wenn du das nicht warst, musst du nichts tun: Dein Konto ist sicher.',
    },
  },
);
