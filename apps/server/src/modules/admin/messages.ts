/** What moderation tells people: the outcome of their report, a report upheld against them, a take-down. */
import { defineCatalogue } from '../../platform/i18n';

export const adminMessages = defineCatalogue(
  'admin',
  {
    'reportReviewed.title': 'Your report was reviewed',
    'reportReviewed.body':
      '{outcome, select, actioned {Thank you: we reviewed your report and took action.} other {We reviewed your report and found nothing against our rules.}}',
    'storyReportUpheld.title': 'A report on "{title}" was upheld',
    'storyReportUpheld.body':
      'An admin reviewed a report and upheld it. Please check our rules; repeated breaches may lead to suspension.',
    'accountReportUpheld.title': 'A report about your account was upheld',
    'accountReportUpheld.body':
      'An admin reviewed a report and upheld it. Please check our rules; repeated breaches may lead to suspension.',
    'storyTakenDown.title': 'Your story was taken down',
    'storyTakenDown.body': '"{title}" was taken down by moderation.',
    'storyTakenDownWithReason.title': 'Your story was taken down',
    'storyTakenDownWithReason.body': '"{title}" was taken down by moderation: {reason}',
  },
  {
    pt: {
      'reportReviewed.title': 'A sua denúncia foi analisada',
      'reportReviewed.body':
        '{outcome, select, actioned {Obrigado: analisámos a sua denúncia e tomámos medidas.} other {Analisámos a sua denúncia e não encontrámos nada contra as nossas regras.}}',
      'storyReportUpheld.title': 'Uma denúncia sobre «{title}» foi considerada procedente',
      'storyReportUpheld.body':
        'Um administrador analisou uma denúncia e deu-lhe razão. Consulte as nossas regras; infrações repetidas podem levar à suspensão.',
      'accountReportUpheld.title': 'Uma denúncia sobre a sua conta foi considerada procedente',
      'accountReportUpheld.body':
        'Um administrador analisou uma denúncia e deu-lhe razão. Consulte as nossas regras; infrações repetidas podem levar à suspensão.',
      'storyTakenDown.title': 'A sua história foi retirada',
      'storyTakenDown.body': '«{title}» foi retirada pela moderação.',
      'storyTakenDownWithReason.title': 'A sua história foi retirada',
      'storyTakenDownWithReason.body': '«{title}» foi retirada pela moderação: {reason}',
    },
    es: {
      'reportReviewed.title': 'Hemos revisado tu denuncia',
      'reportReviewed.body':
        '{outcome, select, actioned {Gracias: hemos revisado tu denuncia y hemos tomado medidas.} other {Hemos revisado tu denuncia y no hemos encontrado nada contrario a nuestras normas.}}',
      'storyReportUpheld.title': 'Se ha aceptado una denuncia sobre «{title}»',
      'storyReportUpheld.body':
        'Un administrador ha revisado una denuncia y la ha aceptado. Consulta nuestras normas; las infracciones repetidas pueden llevar a la suspensión.',
      'accountReportUpheld.title': 'Se ha aceptado una denuncia sobre tu cuenta',
      'accountReportUpheld.body':
        'Un administrador ha revisado una denuncia y la ha aceptado. Consulta nuestras normas; las infracciones repetidas pueden llevar a la suspensión.',
      'storyTakenDown.title': 'Se ha retirado tu historia',
      'storyTakenDown.body': 'La moderación ha retirado «{title}».',
      'storyTakenDownWithReason.title': 'Se ha retirado tu historia',
      'storyTakenDownWithReason.body': 'La moderación ha retirado «{title}»: {reason}',
    },
    fr: {
      'reportReviewed.title': 'Votre signalement a été examiné',
      'reportReviewed.body':
        '{outcome, select, actioned {Merci : nous avons examiné votre signalement et pris des mesures.} other {Nous avons examiné votre signalement et n’avons rien trouvé de contraire à nos règles.}}',
      'storyReportUpheld.title': 'Un signalement concernant « {title} » a été retenu',
      'storyReportUpheld.body':
        'Un administrateur a examiné un signalement et l’a retenu. Merci de relire nos règles ; des manquements répétés peuvent entraîner une suspension.',
      'accountReportUpheld.title': 'Un signalement concernant votre compte a été retenu',
      'accountReportUpheld.body':
        'Un administrateur a examiné un signalement et l’a retenu. Merci de relire nos règles ; des manquements répétés peuvent entraîner une suspension.',
      'storyTakenDown.title': 'Votre story a été retirée',
      'storyTakenDown.body': '« {title} » a été retirée par la modération.',
      'storyTakenDownWithReason.title': 'Votre story a été retirée',
      'storyTakenDownWithReason.body': '« {title} » a été retirée par la modération : {reason}',
    },
    de: {
      'reportReviewed.title': 'Deine Meldung wurde geprüft',
      'reportReviewed.body':
        '{outcome, select, actioned {Danke: Wir haben deine Meldung geprüft und Maßnahmen ergriffen.} other {Wir haben deine Meldung geprüft und keinen Verstoß gegen unsere Regeln gefunden.}}',
      'storyReportUpheld.title': 'Eine Meldung zu „{title}“ wurde bestätigt',
      'storyReportUpheld.body':
        'Ein Admin hat eine Meldung geprüft und bestätigt. Bitte lies unsere Regeln; wiederholte Verstöße können zur Sperrung führen.',
      'accountReportUpheld.title': 'Eine Meldung zu deinem Konto wurde bestätigt',
      'accountReportUpheld.body':
        'Ein Admin hat eine Meldung geprüft und bestätigt. Bitte lies unsere Regeln; wiederholte Verstöße können zur Sperrung führen.',
      'storyTakenDown.title': 'Deine Story wurde entfernt',
      'storyTakenDown.body': '„{title}“ wurde von der Moderation entfernt.',
      'storyTakenDownWithReason.title': 'Deine Story wurde entfernt',
      'storyTakenDownWithReason.body': '„{title}“ wurde von der Moderation entfernt: {reason}',
    },
  },
);
