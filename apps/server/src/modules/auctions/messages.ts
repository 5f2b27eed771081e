/** What the auctions module tells people: offers, bids, auction outcomes and payment windows. */
import { defineCatalogue } from '../../platform/i18n';

export const auctionMessages = defineCatalogue(
  'auctions',
  {
    'auctionStartedMaker.title': 'Your auction has started',
    'auctionStartedMaker.body': 'An offer of {amount} opened the auction. It ends at {endsAt, date, utc} UTC.',
    'auctionStartedOpener.title': 'Your offer opened the auction',
    'auctionStartedOpener.body': 'Your {amount} offer is the opening bid. The auction ends at {endsAt, date, utc} UTC.',
    'outbid.title': 'You were outbid',
    'outbid.body': 'The high bid is now {amount}.',
    'reserveNotMetMaker.title': 'Reserve not met',
    'reserveNotMetMaker.body': 'The top bid is {amount}. You can accept it until {deadline, date, utc} UTC.',
    'reserveNotMetLeader.title': 'The reserve was not met',
    'reserveNotMetLeader.body': 'The maker may still accept your {amount} bid until {deadline, date, utc} UTC.',
    'won.title': 'You won the auction',
    'won.body': 'Pay {amount} by {expiresAt, date, utc} UTC to complete the purchase.',
    'secondChance.title': 'The piece is offered to you',
    'secondChance.body': 'Pay {amount} by {expiresAt, date, utc} UTC to complete the purchase.',
    'lost.title': 'The auction is over',
    'lost.body': 'Another bidder won at {amount}.',
    'lapsed.title': 'The auction closed without a sale',
    'lapsed.body': 'The reserve was not met and the maker did not accept the top bid.',
    'paymentExpiredWinner.title': 'Your payment window expired',
    'paymentExpiredWinner.body':
      'The piece was not paid for in time, and a non-payment strike was recorded on your account.',
    'paymentExpiredMaker.title': 'The winner did not pay',
    'paymentExpiredMaker.body': 'You can offer the piece to the next-highest bidder at their last bid, or relist it.',
    'buyNowExpiredBuyer.title': 'Your payment window expired',
    'buyNowExpiredBuyer.body':
      '“{title}” was not paid for in time, and a non-payment strike was recorded on your account.',
    'buyNowExpiredMaker.title': 'The buyer did not pay',
    'buyNowExpiredMaker.body': '“{title}” is available again.',
    'paymentReminder.title': 'Complete your payment',
    'paymentReminder.body':
      '{unit, select, hours {{count, plural, one {# hour} other {# hours}}} other {{count, plural, one {# minute} other {# minutes}}}} left to pay {amount}.',
    'endingSoon.title': 'Auction ending soon',
    'endingSoon.body': 'The auction ends at {endsAt, time, utc} UTC. Bids in the last minutes extend it.',
    'offerSuperseded.title': 'An auction started',
    'offerSuperseded.body': 'Another offer opened the auction for “{title}”. You can bid on it now.',
    'offerReceived.title': 'New offer',
    'offerReceived.body': 'An offer of {amount} on “{title}” is waiting for your decision.',
    'offerDeclined.title': 'Offer declined',
    'offerDeclined.body': 'The maker declined your offer on “{title}”.',
  },
  {
    pt: {
      'auctionStartedMaker.title': 'O seu leilão começou',
      'auctionStartedMaker.body': 'Uma oferta de {amount} abriu o leilão. Termina em {endsAt, date, utc} UTC.',
      'auctionStartedOpener.title': 'A sua oferta abriu o leilão',
      'auctionStartedOpener.body':
        'A sua oferta de {amount} é a licitação inicial. O leilão termina em {endsAt, date, utc} UTC.',
      'outbid.title': 'A sua licitação foi ultrapassada',
      'outbid.body': 'A licitação mais alta é agora de {amount}.',
      'reserveNotMetMaker.title': 'Preço de reserva não atingido',
      'reserveNotMetMaker.body': 'A licitação mais alta é de {amount}. Pode aceitá-la até {deadline, date, utc} UTC.',
      'reserveNotMetLeader.title': 'O preço de reserva não foi atingido',
      'reserveNotMetLeader.body':
        'O artesão ainda pode aceitar a sua licitação de {amount} até {deadline, date, utc} UTC.',
      'won.title': 'Ganhou o leilão',
      'won.body': 'Pague {amount} até {expiresAt, date, utc} UTC para concluir a compra.',
      'secondChance.title': 'A peça está disponível para si',
      'secondChance.body': 'Pague {amount} até {expiresAt, date, utc} UTC para concluir a compra.',
      'lost.title': 'O leilão terminou',
      'lost.body': 'Outro licitante ganhou com {amount}.',
      'lapsed.title': 'O leilão terminou sem venda',
      'lapsed.body': 'O preço de reserva não foi atingido e o artesão não aceitou a licitação mais alta.',
      'paymentExpiredWinner.title': 'O seu prazo de pagamento expirou',
      'paymentExpiredWinner.body':
        'A peça não foi paga a tempo e foi registada na sua conta uma penalização por falta de pagamento.',
      'paymentExpiredMaker.title': 'O vencedor não pagou',
      'paymentExpiredMaker.body':
        'Pode oferecer a peça ao licitante seguinte pela última licitação dele ou voltar a pô-la à venda.',
      'buyNowExpiredBuyer.title': 'O seu prazo de pagamento expirou',
      'buyNowExpiredBuyer.body':
        'A peça «{title}» não foi paga a tempo e foi registada na sua conta uma penalização por falta de pagamento.',
      'buyNowExpiredMaker.title': 'O comprador não pagou',
      'buyNowExpiredMaker.body': 'A peça «{title}» está novamente disponível.',
      'paymentReminder.title': 'Conclua o seu pagamento',
      'paymentReminder.body':
        '{unit, select, hours {{count, plural, one {Falta # hora} other {Faltam # horas}}} other {{count, plural, one {Falta # minuto} other {Faltam # minutos}}}} para pagar {amount}.',
      'endingSoon.title': 'O leilão está a terminar',
      'endingSoon.body':
        'O leilão termina às {endsAt, time, utc} UTC. As licitações feitas nos últimos minutos prolongam-no.',
      'offerSuperseded.title': 'Começou um leilão',
      'offerSuperseded.body': 'Outra oferta abriu o leilão de «{title}». Já pode licitar.',
      'offerReceived.title': 'Nova oferta',
      'offerReceived.body': 'Uma oferta de {amount} para «{title}» aguarda a sua decisão.',
      'offerDeclined.title': 'Oferta recusada',
      'offerDeclined.body': 'O artesão recusou a sua oferta para «{title}».',
    },
    es: {
      'auctionStartedMaker.title': 'Tu subasta ha empezado',
      'auctionStartedMaker.body': 'Una oferta de {amount} ha abierto la subasta. Termina el {endsAt, date, utc} UTC.',
      'auctionStartedOpener.title': 'Tu oferta ha abierto la subasta',
      'auctionStartedOpener.body':
        'Tu oferta de {amount} es la puja inicial. La subasta termina el {endsAt, date, utc} UTC.',
      'outbid.title': 'Han superado tu puja',
      'outbid.body': 'La puja más alta es ahora de {amount}.',
      'reserveNotMetMaker.title': 'No se ha alcanzado el precio de reserva',
      'reserveNotMetMaker.body':
        'La puja más alta es de {amount}. Puedes aceptarla hasta el {deadline, date, utc} UTC.',
      'reserveNotMetLeader.title': 'No se ha alcanzado el precio de reserva',
      'reserveNotMetLeader.body':
        'El artesano aún puede aceptar tu puja de {amount} hasta el {deadline, date, utc} UTC.',
      'won.title': 'Has ganado la subasta',
      'won.body': 'Paga {amount} antes del {expiresAt, date, utc} UTC para completar la compra.',
      'secondChance.title': 'Te ofrecen la pieza',
      'secondChance.body': 'Paga {amount} antes del {expiresAt, date, utc} UTC para completar la compra.',
      'lost.title': 'La subasta ha terminado',
      'lost.body': 'Otro pujador ha ganado con {amount}.',
      'lapsed.title': 'La subasta se ha cerrado sin venta',
      'lapsed.body': 'No se alcanzó el precio de reserva y el artesano no aceptó la puja más alta.',
      'paymentExpiredWinner.title': 'Se ha acabado tu plazo de pago',
      'paymentExpiredWinner.body': 'La pieza no se pagó a tiempo y se ha registrado una falta por impago en tu cuenta.',
      'paymentExpiredMaker.title': 'El ganador no ha pagado',
      'paymentExpiredMaker.body':
        'Puedes ofrecer la pieza al siguiente mejor pujador por su última puja o volver a ponerla a la venta.',
      'buyNowExpiredBuyer.title': 'Se ha acabado tu plazo de pago',
      'buyNowExpiredBuyer.body':
        'La pieza «{title}» no se pagó a tiempo y se ha registrado una falta por impago en tu cuenta.',
      'buyNowExpiredMaker.title': 'El comprador no ha pagado',
      'buyNowExpiredMaker.body': 'La pieza «{title}» vuelve a estar disponible.',
      'paymentReminder.title': 'Completa tu pago',
      'paymentReminder.body':
        '{unit, select, hours {{count, plural, one {Queda # hora} other {Quedan # horas}}} other {{count, plural, one {Queda # minuto} other {Quedan # minutos}}}} para pagar {amount}.',
      'endingSoon.title': 'La subasta termina pronto',
      'endingSoon.body':
        'La subasta termina a las {endsAt, time, utc} UTC. Las pujas de los últimos minutos la prolongan.',
      'offerSuperseded.title': 'Ha empezado una subasta',
      'offerSuperseded.body': 'Otra oferta ha abierto la subasta de «{title}». Ya puedes pujar.',
      'offerReceived.title': 'Nueva oferta',
      'offerReceived.body': 'Una oferta de {amount} por «{title}» espera tu decisión.',
      'offerDeclined.title': 'Oferta rechazada',
      'offerDeclined.body': 'El artesano ha rechazado tu oferta por «{title}».',
    },
    fr: {
      'auctionStartedMaker.title': 'Vos enchères ont commencé',
      'auctionStartedMaker.body':
        'Une offre de {amount} a ouvert les enchères. Elles se terminent le {endsAt, date, utc} UTC.',
      'auctionStartedOpener.title': 'Votre offre a ouvert les enchères',
      'auctionStartedOpener.body':
        'Votre offre de {amount} est l’enchère de départ. Les enchères se terminent le {endsAt, date, utc} UTC.',
      'outbid.title': 'Votre enchère a été dépassée',
      'outbid.body': 'L’enchère la plus haute est maintenant de {amount}.',
      'reserveNotMetMaker.title': 'Prix de réserve non atteint',
      'reserveNotMetMaker.body':
        'La meilleure enchère est de {amount}. Vous pouvez l’accepter jusqu’au {deadline, date, utc} UTC.',
      'reserveNotMetLeader.title': 'Le prix de réserve n’a pas été atteint',
      'reserveNotMetLeader.body':
        'Le créateur peut encore accepter votre enchère de {amount} jusqu’au {deadline, date, utc} UTC.',
      'won.title': 'Vous avez remporté les enchères',
      'won.body': 'Payez {amount} avant le {expiresAt, date, utc} UTC pour finaliser l’achat.',
      'secondChance.title': 'La pièce vous est proposée',
      'secondChance.body': 'Payez {amount} avant le {expiresAt, date, utc} UTC pour finaliser l’achat.',
      'lost.title': 'Les enchères sont terminées',
      'lost.body': 'Un autre enchérisseur l’a emporté à {amount}.',
      'lapsed.title': 'Les enchères se sont closes sans vente',
      'lapsed.body': 'Le prix de réserve n’a pas été atteint et le créateur n’a pas accepté la meilleure enchère.',
      'paymentExpiredWinner.title': 'Votre délai de paiement a expiré',
      'paymentExpiredWinner.body':
        'La pièce n’a pas été payée à temps et un avertissement pour non-paiement a été enregistré sur votre compte.',
      'paymentExpiredMaker.title': 'Le gagnant n’a pas payé',
      'paymentExpiredMaker.body':
        'Vous pouvez proposer la pièce à l’enchérisseur suivant au montant de sa dernière enchère, ou la remettre en vente.',
      'buyNowExpiredBuyer.title': 'Votre délai de paiement a expiré',
      'buyNowExpiredBuyer.body':
        'La pièce « {title} » n’a pas été payée à temps et un avertissement pour non-paiement a été enregistré sur votre compte.',
      'buyNowExpiredMaker.title': 'L’acheteur n’a pas payé',
      'buyNowExpiredMaker.body': 'La pièce « {title} » est de nouveau disponible.',
      'paymentReminder.title': 'Finalisez votre paiement',
      'paymentReminder.body':
        '{unit, select, hours {{count, plural, one {Il reste # heure} other {Il reste # heures}}} other {{count, plural, one {Il reste # minute} other {Il reste # minutes}}}} pour payer {amount}.',
      'endingSoon.title': 'Les enchères se terminent bientôt',
      'endingSoon.body':
        'Les enchères se terminent à {endsAt, time, utc} UTC. Une enchère placée dans les dernières minutes les prolonge.',
      'offerSuperseded.title': 'Des enchères ont commencé',
      'offerSuperseded.body':
        'Une autre offre a ouvert les enchères pour « {title} ». Vous pouvez enchérir dès maintenant.',
      'offerReceived.title': 'Nouvelle offre',
      'offerReceived.body': 'Une offre de {amount} pour « {title} » attend votre décision.',
      'offerDeclined.title': 'Offre refusée',
      'offerDeclined.body': 'Le créateur a refusé votre offre pour « {title} ».',
    },
    de: {
      'auctionStartedMaker.title': 'Deine Auktion hat begonnen',
      'auctionStartedMaker.body':
        'Ein Angebot über {amount} hat die Auktion eröffnet. Sie endet am {endsAt, date, utc} UTC.',
      'auctionStartedOpener.title': 'Dein Angebot hat die Auktion eröffnet',
      'auctionStartedOpener.body':
        'Dein Angebot über {amount} ist das Startgebot. Die Auktion endet am {endsAt, date, utc} UTC.',
      'outbid.title': 'Du wurdest überboten',
      'outbid.body': 'Das Höchstgebot liegt jetzt bei {amount}.',
      'reserveNotMetMaker.title': 'Mindestpreis nicht erreicht',
      'reserveNotMetMaker.body':
        'Das Höchstgebot liegt bei {amount}. Du kannst es bis {deadline, date, utc} UTC annehmen.',
      'reserveNotMetLeader.title': 'Der Mindestpreis wurde nicht erreicht',
      'reserveNotMetLeader.body':
        'Der Maker kann dein Gebot über {amount} noch bis {deadline, date, utc} UTC annehmen.',
      'won.title': 'Du hast die Auktion gewonnen',
      'won.body': 'Bezahle {amount} bis {expiresAt, date, utc} UTC, um den Kauf abzuschließen.',
      'secondChance.title': 'Das Stück wird dir angeboten',
      'secondChance.body': 'Bezahle {amount} bis {expiresAt, date, utc} UTC, um den Kauf abzuschließen.',
      'lost.title': 'Die Auktion ist vorbei',
      'lost.body': 'Ein anderer Bieter hat mit {amount} gewonnen.',
      'lapsed.title': 'Die Auktion endete ohne Verkauf',
      'lapsed.body': 'Der Mindestpreis wurde nicht erreicht, und der Maker hat das Höchstgebot nicht angenommen.',
      'paymentExpiredWinner.title': 'Deine Zahlungsfrist ist abgelaufen',
      'paymentExpiredWinner.body':
        'Das Stück wurde nicht rechtzeitig bezahlt, und in deinem Konto wurde ein Verstoß wegen Nichtzahlung vermerkt.',
      'paymentExpiredMaker.title': 'Der Gewinner hat nicht bezahlt',
      'paymentExpiredMaker.body':
        'Du kannst das Stück dem nächsthöheren Bieter zu seinem letzten Gebot anbieten oder es neu einstellen.',
      'buyNowExpiredBuyer.title': 'Deine Zahlungsfrist ist abgelaufen',
      'buyNowExpiredBuyer.body':
        '„{title}“ wurde nicht rechtzeitig bezahlt, und in deinem Konto wurde ein Verstoß wegen Nichtzahlung vermerkt.',
      'buyNowExpiredMaker.title': 'Der Käufer hat nicht bezahlt',
      'buyNowExpiredMaker.body': '„{title}“ ist wieder verfügbar.',
      'paymentReminder.title': 'Schließe deine Zahlung ab',
      'paymentReminder.body':
        '{unit, select, hours {{count, plural, one {Noch # Stunde} other {Noch # Stunden}}} other {{count, plural, one {Noch # Minute} other {Noch # Minuten}}}}, um {amount} zu bezahlen.',
      'endingSoon.title': 'Auktion endet bald',
      'endingSoon.body': 'Die Auktion endet um {endsAt, time, utc} UTC. Gebote in den letzten Minuten verlängern sie.',
      'offerSuperseded.title': 'Eine Auktion hat begonnen',
      'offerSuperseded.body': 'Ein anderes Angebot hat die Auktion für „{title}“ eröffnet. Du kannst jetzt bieten.',
      'offerReceived.title': 'Neues Angebot',
      'offerReceived.body': 'Ein Angebot über {amount} für „{title}“ wartet auf deine Entscheidung.',
      'offerDeclined.title': 'Angebot abgelehnt',
      'offerDeclined.body': 'Der Maker hat dein Angebot für „{title}“ abgelehnt.',
    },
  },
);
