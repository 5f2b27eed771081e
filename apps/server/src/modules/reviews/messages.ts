/** What the reviews module tells people: a review of the maker's work, the maker's answer to it. */
import { defineCatalogue } from '../../platform/i18n';

export const reviewMessages = defineCatalogue(
  'reviews',
  {
    theMaker: 'The maker',
    'received.title': '{buyer} rated you {rating} of 5',
    'received.body': 'About “{title}”.',
    'receivedWithText.title': '{buyer} rated you {rating} of 5',
    'receivedWithText.body': 'About “{title}”: {excerpt}',
    'reply.title': '{maker} answered your review',
    'reply.body': '{text}',
  },
  {
    pt: {
      theMaker: 'O artesão',
      'received.title': '{buyer} atribuiu-lhe {rating} em 5',
      'received.body': 'Sobre «{title}».',
      'receivedWithText.title': '{buyer} atribuiu-lhe {rating} em 5',
      'receivedWithText.body': 'Sobre «{title}»: {excerpt}',
      'reply.title': '{maker} respondeu à sua avaliação',
      'reply.body': '{text}',
    },
    es: {
      theMaker: 'El artesano',
      'received.title': '{buyer} te ha puntuado con {rating} de 5',
      'received.body': 'Sobre «{title}».',
      'receivedWithText.title': '{buyer} te ha puntuado con {rating} de 5',
      'receivedWithText.body': 'Sobre «{title}»: {excerpt}',
      'reply.title': '{maker} ha respondido a tu reseña',
      'reply.body': '{text}',
    },
    fr: {
      theMaker: 'Le créateur',
      'received.title': '{buyer} vous a attribué {rating} sur 5',
      'received.body': 'À propos de « {title} ».',
      'receivedWithText.title': '{buyer} vous a attribué {rating} sur 5',
      'receivedWithText.body': 'À propos de « {title} » : {excerpt}',
      'reply.title': '{maker} a répondu à votre avis',
      'reply.body': '{text}',
    },
    de: {
      theMaker: 'Der Maker',
      'received.title': '{buyer} hat dich mit {rating} von 5 bewertet',
      'received.body': 'Zu „{title}“.',
      'receivedWithText.title': '{buyer} hat dich mit {rating} von 5 bewertet',
      'receivedWithText.body': 'Zu „{title}“: {excerpt}',
      'reply.title': '{maker} hat auf deine Bewertung geantwortet',
      'reply.body': '{text}',
    },
  },
);
