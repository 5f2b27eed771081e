import { Trans } from '@lingui/react/macro';

/**
 * A shipment's tracking number: a link to the carrier's tracking page when the server recognised
 * the carrier and the number (`trackingUrl`), plain text otherwise.
 */
export function TrackingNumber({ number, url }: { number: string | null; url: string | null }) {
  if (!number) return null;
  if (url?.startsWith('https://')) {
    return (
      <a className="mono" href={url} target="_blank" rel="noopener noreferrer">
        {number}
        <span className="visually-hidden">
          {' '}
          <Trans>(the carrier’s tracking page, in a new tab)</Trans>
        </span>
      </a>
    );
  }
  return <span className="mono">{number}</span>;
}
