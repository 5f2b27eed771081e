/** What the conversations module tells people: unread messages waiting for them. */
import { defineCatalogue } from '../../platform/i18n';

export const conversationMessages = defineCatalogue(
  'conversations',
  {
    someone: 'Someone',
    deletedUser: 'Deleted user',
    'unread.title': '{from} sent you {count, plural, one {a message} other {# messages}}',
    'unread.body': 'You have {count, plural, one {# unread message} other {# unread messages}}.',
    'unreadAbout.title': '{from} sent you {count, plural, one {a message} other {# messages}}',
    'unreadAbout.body': 'You have {count, plural, one {# unread message} other {# unread messages}} about “{title}”.',
  },
  {
    pt: {
      someone: 'Alguém',
      deletedUser: 'Utilizador eliminado',
      'unread.title': '{from} enviou-lhe {count, plural, one {uma mensagem} other {# mensagens}}',
      'unread.body': 'Tem {count, plural, one {# mensagem por ler} other {# mensagens por ler}}.',
      'unreadAbout.title': '{from} enviou-lhe {count, plural, one {uma mensagem} other {# mensagens}}',
      'unreadAbout.body': 'Tem {count, plural, one {# mensagem por ler} other {# mensagens por ler}} sobre «{title}».',
    },
    es: {
      someone: 'Alguien',
      deletedUser: 'Usuario eliminado',
      'unread.title': '{from} te ha enviado {count, plural, one {un mensaje} other {# mensajes}}',
      'unread.body': 'Tienes {count, plural, one {# mensaje sin leer} other {# mensajes sin leer}}.',
      'unreadAbout.title': '{from} te ha enviado {count, plural, one {un mensaje} other {# mensajes}}',
      'unreadAbout.body':
        'Tienes {count, plural, one {# mensaje sin leer} other {# mensajes sin leer}} sobre «{title}».',
    },
    fr: {
      someone: 'Quelqu’un',
      deletedUser: 'Utilisateur supprimé',
      'unread.title': '{from} vous a envoyé {count, plural, one {un message} other {# messages}}',
      'unread.body': 'Vous avez {count, plural, one {# message non lu} other {# messages non lus}}.',
      'unreadAbout.title': '{from} vous a envoyé {count, plural, one {un message} other {# messages}}',
      'unreadAbout.body':
        'Vous avez {count, plural, one {# message non lu} other {# messages non lus}} concernant « {title} ».',
    },
    de: {
      someone: 'Jemand',
      deletedUser: 'Gelöschtes Konto',
      'unread.title': '{from} hat dir {count, plural, one {eine Nachricht} other {# Nachrichten}} geschickt',
      'unread.body': 'Du hast {count, plural, one {# ungelesene Nachricht} other {# ungelesene Nachrichten}}.',
      'unreadAbout.title': '{from} hat dir {count, plural, one {eine Nachricht} other {# Nachrichten}} geschickt',
      'unreadAbout.body':
        'Du hast {count, plural, one {# ungelesene Nachricht} other {# ungelesene Nachrichten}} zu „{title}“.',
    },
  },
);
