/** What the watchlist tells those watching a piece: its auction opened, ends soon, ended. */
import { defineCatalogue } from '../../platform/i18n';

export const watchlistMessages = defineCatalogue(
  'watchlist',
  {
    pieceYouWatch: 'A piece you watch',
    'auctionOpened.title': 'An auction opened on a piece you watch',
    'auctionOpened.body': 'Bidding on “{title}” has started.',
    'endingSoon.title': 'A watched auction ends soon',
    'endingSoon.body': 'The auction for “{title}” ends {minutes, plural, =60 {in an hour} other {in # minutes}}.',
    'auctionEnded.title': 'A watched auction ended',
    'auctionEnded.body':
      '{sold, select, yes {The auction for “{title}” is over.} other {The auction for “{title}” closed without a winning bid.}}',
  },
  {
    pt: {
      pieceYouWatch: 'Uma peça que observa',
      'auctionOpened.title': 'Abriu um leilão de uma peça que observa',
      'auctionOpened.body': 'As licitações para «{title}» começaram.',
      'endingSoon.title': 'Um leilão que observa está a terminar',
      'endingSoon.body':
        'O leilão de «{title}» termina {minutes, plural, =60 {dentro de uma hora} other {dentro de # minutos}}.',
      'auctionEnded.title': 'Terminou um leilão que observa',
      'auctionEnded.body':
        '{sold, select, yes {O leilão de «{title}» terminou.} other {O leilão de «{title}» terminou sem nenhuma licitação vencedora.}}',
    },
    es: {
      pieceYouWatch: 'Una pieza que sigues',
      'auctionOpened.title': 'Ha empezado la subasta de una pieza que sigues',
      'auctionOpened.body': 'Ya se puede pujar por «{title}».',
      'endingSoon.title': 'Una subasta que sigues termina pronto',
      'endingSoon.body':
        'La subasta de «{title}» termina {minutes, plural, =60 {dentro de una hora} other {dentro de # minutos}}.',
      'auctionEnded.title': 'Ha terminado una subasta que sigues',
      'auctionEnded.body':
        '{sold, select, yes {La subasta de «{title}» ha terminado.} other {La subasta de «{title}» se ha cerrado sin ninguna puja ganadora.}}',
    },
    fr: {
      pieceYouWatch: 'Une pièce que vous suivez',
      'auctionOpened.title': 'Des enchères ont commencé sur une pièce que vous suivez',
      'auctionOpened.body': 'Les enchères sur « {title} » ont commencé.',
      'endingSoon.title': 'Des enchères que vous suivez se terminent bientôt',
      'endingSoon.body':
        'Les enchères pour « {title} » se terminent {minutes, plural, =60 {dans une heure} other {dans # minutes}}.',
      'auctionEnded.title': 'Des enchères que vous suiviez sont terminées',
      'auctionEnded.body':
        '{sold, select, yes {Les enchères pour « {title} » sont terminées.} other {Les enchères pour « {title} » se sont closes sans enchère gagnante.}}',
    },
    de: {
      pieceYouWatch: 'Ein Stück, das du dir gemerkt hast',
      'auctionOpened.title': 'Eine Auktion für ein gemerktes Stück hat begonnen',
      'auctionOpened.body': 'Für „{title}“ kann jetzt geboten werden.',
      'endingSoon.title': 'Eine gemerkte Auktion endet bald',
      'endingSoon.body':
        'Die Auktion für „{title}“ endet {minutes, plural, =60 {in einer Stunde} other {in # Minuten}}.',
      'auctionEnded.title': 'Eine gemerkte Auktion ist beendet',
      'auctionEnded.body':
        '{sold, select, yes {Die Auktion für „{title}“ ist vorbei.} other {Die Auktion für „{title}“ endete ohne Zuschlag.}}',
    },
  },
);
