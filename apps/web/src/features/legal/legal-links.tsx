import { Link } from 'react-router';

/** Help, terms and privacy, linked at the foot of each of the three pages. */
export function LegalLinks() {
  return (
    <nav aria-label="About Video Window" className="legal-links">
      <Link to="/help">Help</Link>
      <Link to="/terms">Terms</Link>
      <Link to="/privacy">Privacy</Link>
    </nav>
  );
}
