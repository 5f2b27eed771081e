import { Link } from 'react-router';

export default function NotFoundScreen() {
  return (
    <main id="main" className="page">
      <div className="center-screen">
        <div className="stack">
          <h1>Nothing here</h1>
          <p className="muted">This page does not exist.</p>
          <Link className="btn btn-primary" to="/">
            Back to the feed
          </Link>
        </div>
      </div>
    </main>
  );
}
