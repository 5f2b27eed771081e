// Generated from the server's OpenAPI document by `npm run api:generate`. Do not edit.
export interface paths {
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Liveness
     * @description Answers 200 while the process runs; it checks nothing else, so a probe never restarts a process over a slow database.
     */
    get: operations['getHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Readiness: database, job queue and configured services (the checks only for the metrics token in production)
     * @description Answers 200 when the database, the job queue and every configured service answer, and 503 naming the failing check otherwise; load balancers send traffic only to a ready process.
     */
    get: operations['getReady'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Prometheus metrics (in production: METRICS_PORT, or the METRICS_TOKEN bearer)
     * @description The process metrics in the Prometheus text format: request durations, job lanes, pool use and business counters.
     */
    get: operations['getMetrics'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/environment': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What kind of deployment this is: `demo` (NODE_ENV=development) shows a banner in the app
     * @description Tells the app whether this deployment is a demo, where payments move no money and sign-in codes land in the development mailbox.
     */
    get: operations['getEnvironment'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/dev/mailbox': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Development mailbox: email and SMS that would have been sent (never in production)
     * @description The email and SMS messages that would have been sent to an address or phone number, newest last; the sign-in code of `POST /v1/auth/email/start` is read here. Exists only on development deployments.
     */
    get: operations['getDevMailbox'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/email/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a sign-in code by email
     * @description Emails a six-digit sign-in code to the address, to send back to `POST /v1/auth/email/verify`, written in `locale` (else the account’s language, else the Accept-Language, else English). On a demo deployment the code lands in the development mailbox.
     */
    post: operations['postAuthEmailStart'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/email/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in with an email code
     * @description Exchanges the emailed code for an access token and a refresh token; an account with TOTP enabled answers an `mfaToken` for `POST /v1/auth/totp/verify` instead.
     */
    post: operations['postAuthEmailVerify'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/sms/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a sign-in code by SMS
     * @description Texts a six-digit sign-in code to the number, to send back to `POST /v1/auth/sms/verify`, written in `locale` (else the account’s language, else the Accept-Language, else English).
     */
    post: operations['postAuthSmsStart'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/sms/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in with an SMS code
     * @description Exchanges the texted code for an access token and a refresh token; an account with TOTP enabled answers an `mfaToken` for the second step instead.
     */
    post: operations['postAuthSmsVerify'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/federated/nonce': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start a Google or Apple sign-in: a single-use nonce for the ID token
     * @description A nonce to put in the ID token request; the sign-in that follows must carry it, once, before it expires.
     */
    post: operations['postAuthFederatedNonce'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/google': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in with a google ID token
     * @description Verifies the google ID token (signature, audience, expiry and the nonce from POST /v1/auth/federated/nonce) and signs in.
     */
    post: operations['postAuthGoogle'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/apple': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in with a apple ID token
     * @description Verifies the apple ID token (signature, audience, expiry and the nonce from POST /v1/auth/federated/nonce) and signs in.
     */
    post: operations['postAuthApple'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/providers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Sign-in methods this server offers
     * @description Which sign-in methods are configured on this deployment, so the app shows only those.
     */
    get: operations['getAuthProviders'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/totp/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Second sign-in step: the TOTP code, or one of the account’s recovery codes
     * @description Send `code` (6 digits) or `recoveryCode` (single use), not both. A wrong one of either counts against the sign-in step: `invalid_code`, `invalid_recovery_code` (also for one already used).
     */
    post: operations['postAuthTotpVerify'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/totp/enroll': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start TOTP enrolment
     * @description Creates a new TOTP secret for the signed-in account and answers it with an `otpauth://` URL for an authenticator app; it takes effect once confirmed with a code.
     */
    post: operations['postAuthTotpEnroll'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/totp/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Finish TOTP enrolment; answers the account’s recovery codes, shown this once
     * @description Confirms the enrolment with a current code from the authenticator app; from then on sign-in asks for a code, and actions that move money (payout onboarding, accepting a bid) need it.
     */
    post: operations['postAuthTotpConfirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/totp/recovery-codes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * New recovery codes (the old ones stop working); needs a current TOTP code
     * @description Replaces the recovery codes with a new set, shown once; each code signs in once when the authenticator is lost.
     */
    post: operations['postAuthTotpRecoveryCodes'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Rotate the refresh token
     * @description Exchanges a refresh token for a new access token and a new refresh token; the old one stops working, and presenting it again ends the session (a stolen token is detected).
     */
    post: operations['postAuthRefresh'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/sign-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign out of this session
     * @description Ends the session of the access token: its refresh token stops working at once.
     */
    post: operations['postAuthSignOut'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/sign-out-everywhere': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign out of every session
     * @description Ends every session of the account, on every device.
     */
    post: operations['postAuthSignOutEverywhere'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The signed-in user
     * @description The account behind the access token: its id, username, roles, country, the language it is written to in (`locale`: the one chosen with `PATCH /v1/me`, "en" until one is) and whether it is a maker.
     */
    get: operations['getMe'];
    put?: never;
    post?: never;
    /**
     * Delete my account
     * @description Erases the account’s personal data and revokes every session; an anonymised row stays so its orders and auction records remain intact.
     */
    delete: operations['deleteMe'];
    options?: never;
    head?: never;
    /**
     * Change the username, the country purchases are shipped to, or the language
     * @description Changes the username, the country the account’s purchases ship to (an empty string or null clears it; offers and bids quote shipping to this country unless they name another), or the language the account is written to in (`locale`: en, pt, es, fr or de; its emails, texts and notifications follow it, anything else is refused with 400 `validation_failed`).
     */
    patch: operations['patchMe'];
    trace?: never;
  };
  '/v1/me/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Export all my data (JSON)
     * @description Everything the product keeps about the signed-in account, as one JSON document.
     */
    get: operations['getMeExport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/makers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Become a maker
     * @description Turns the signed-in account into a maker with a public profile, so it can publish stories.
     */
    post: operations['postMakers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/makers/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Edit my maker profile (name, bio, city, country, avatar image)
     * @description Changes the fields given and keeps the others; null clears an optional field, and the avatar is a processed image uploaded through `POST /v1/uploads`.
     */
    patch: operations['patchMakersMe'];
    trace?: never;
  };
  '/v1/makers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A maker profile with follower count, rating and since when (following: only for a signed-in viewer)
     * @description A maker’s public profile; a signed-in viewer also learns whether they follow the maker.
     */
    get: operations['getMakersById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/users/{id}/suspend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Admin: suspend a user
     * @description Suspends the account: every session is revoked and every call it makes is refused until it is reinstated. Recorded in the audit log.
     */
    post: operations['postAdminUsersByIdSuspend'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/users/{id}/reinstate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Admin: reinstate a user
     * @description Lifts a suspension: the account may sign in again. Recorded in the audit log.
     */
    post: operations['postAdminUsersByIdReinstate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/.well-known/jwks.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Public keys of access tokens
     * @description The JSON Web Key Set whose keys verify the access tokens this server signs, for services that check a token without calling the API.
     */
    get: operations['getWellKnownJwksJson'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My notifications, newest first (keyset pages)
     * @description The caller’s in-app notifications (offers, bids, auctions, payments, orders, messages), newest first, in keyset pages; titles and bodies are written in the caller’s language (their account’s, else the Accept-Language, else English).
     */
    get: operations['getNotifications'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/notifications/unread-count': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * How many of my notifications are unread
     * @description The number of the caller’s unread notifications, for the badge.
     */
    get: operations['getNotificationsUnreadCount'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/notifications/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mark one notification read
     * @description Marks one of the caller’s notifications read and answers it with the remaining unread count.
     */
    post: operations['postNotificationsByIdRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/notifications/read-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mark all my notifications read
     * @description Marks every notification of the caller read.
     */
    post: operations['postNotificationsReadAll'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/notifications/preferences': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Which kinds reach me on which channel (in-app is always on)
     * @description For every kind of notification, whether it is sent by email, web push, SMS and mobile push to the caller.
     */
    get: operations['getNotificationsPreferences'];
    /**
     * Turn kinds on or off per channel (entries not given keep their setting)
     * @description Sets the channels of the kinds given and keeps the others; answers the whole table.
     */
    put: operations['putNotificationsPreferences'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/notifications/web-push/public-key': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The VAPID key browsers subscribe with (applicationServerKey)
     * @description The public key a browser passes as `applicationServerKey` when it subscribes to web push.
     */
    get: operations['getNotificationsWebPushPublicKey'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/notifications/web-push/subscriptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Save this browser's PushSubscription (its toJSON())
     * @description Saves the browser’s push subscription, so the caller’s notifications reach it as web pushes.
     */
    post: operations['postNotificationsWebPushSubscriptions'];
    /**
     * Forget this browser's subscription (by endpoint)
     * @description Removes the caller’s web push subscription for the endpoint given; the browser stops receiving pushes.
     */
    delete: operations['deleteNotificationsWebPushSubscriptions'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/notifications/mobile-push/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Register this app install's push token (FCM registration token)
     * @description Saves the mobile app install’s push token, so the caller’s notifications reach it as mobile pushes.
     */
    post: operations['postNotificationsMobilePushTokens'];
    /**
     * Forget this app install's push token (on sign-out)
     * @description Removes the push token, so a signed-out install receives nothing.
     */
    delete: operations['deleteNotificationsMobilePushTokens'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/uploads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create an upload (tus 1.0 creation, creation-with-upload)
     * @description Headers: Tus-Resumable: 1.0.0, Upload-Length, Upload-Metadata (filetype, filename). Answers 201 with Location: /v1/uploads/<mediaId>; 413 over MAX_UPLOAD_BYTES (images: MAX_IMAGE_UPLOAD_BYTES), 415 unless video/* or image/*, 403 unless the caller is a maker.
     */
    post: operations['postUploads'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/uploads/{mediaId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Resume (HEAD, PATCH) or cancel (DELETE) an upload (tus 1.0)
     * @description The tus 1.0 protocol on an upload the caller created: HEAD answers the offset received so far, PATCH appends bytes at that offset, DELETE cancels the upload and drops what was received.
     */
    delete: operations['deleteUploadsByMediaId'];
    options?: never;
    /**
     * Resume (HEAD, PATCH) or cancel (DELETE) an upload (tus 1.0)
     * @description The tus 1.0 protocol on an upload the caller created: HEAD answers the offset received so far, PATCH appends bytes at that offset, DELETE cancels the upload and drops what was received.
     */
    head: operations['headUploadsByMediaId'];
    /**
     * Resume (HEAD, PATCH) or cancel (DELETE) an upload (tus 1.0)
     * @description The tus 1.0 protocol on an upload the caller created: HEAD answers the offset received so far, PATCH appends bytes at that offset, DELETE cancels the upload and drops what was received.
     */
    patch: operations['patchUploadsByMediaId'];
    trace?: never;
  };
  '/v1/media/{mediaId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A media item: status, progress and fresh signed URLs
     * @description A video or image the caller uploaded: its processing status and progress, and once ready, signed URLs to play it (they expire, so ask again for fresh ones).
     */
    get: operations['getMediaByMediaId'];
    put?: never;
    post?: never;
    /**
     * Delete a media item and all its files
     * @description Deletes a media item the caller owns and all its files.
     */
    delete: operations['deleteMediaByMediaId'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/media/{mediaId}/edits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Studio edit (trim, captions): re-processes the video; the current version plays meanwhile
     * @description Trims the video and sets its captions (as cues or WebVTT); the video is processed again and the current version keeps playing until the new one is ready.
     */
    post: operations['postMediaByMediaIdEdits'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/play/{token}/{mediaId}/{*}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A file of a video (playlist, segment, captions, poster) under a playback token
     * @description Serves one file of a processed video (HLS playlist, segment, captions or poster) to whoever holds the playback token from the media item’s signed URLs.
     */
    get: operations['getPlayByTokenByMediaIdRest'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/playback/cookies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * CloudFront signed cookies for the CDN serving /v1/play (CDN mode only)
     * @description Sets the signed cookies the CDN asks for before serving video files, and answers when they expire; 404 when videos are not served through a CDN.
     */
    get: operations['getPlaybackCookies'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/stories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start a story (a draft)
     * @description Creates a draft story owned by the signed-in maker; it stays invisible to others until published.
     */
    post: operations['postStories'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/stories/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A story (drafts and archived ones only for their maker; the reserve only for the maker)
     * @description A story page: title, text, process steps, media, maker, offer policy, shipping (quoted for `?country=` when given) and the auction state.
     */
    get: operations['getStoriesById'];
    put?: never;
    post?: never;
    /**
     * Delete a story and its media (not during an auction)
     * @description Deletes a story its maker owns, with its videos and images; refused while an auction runs.
     */
    delete: operations['deleteStoriesById'];
    options?: never;
    head?: never;
    /**
     * Edit a story (its maker only; terms are frozen during an auction)
     * @description Changes the fields given and keeps the others; prices, reserve and shipping cannot change while an auction runs.
     */
    patch: operations['patchStoriesById'];
    trace?: never;
  };
  '/v1/stories/{id}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Publish a story (needs a ready hero video and an offer policy)
     * @description Puts a draft in the feed and search; refused until its hero video is processed and it has an offer policy and shipping.
     */
    post: operations['postStoriesByIdPublish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/stories/{id}/unpublish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Unpublish a story (not during an auction)
     * @description Takes the story back to a draft, out of the feed and search, until it is published again.
     */
    post: operations['postStoriesByIdUnpublish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/stories/{id}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Archive a story (not during an auction)
     * @description Takes the story out of the feed for good: an archived story is kept for its orders and history, visible to its maker only.
     */
    post: operations['postStoriesByIdArchive'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/makers/{id}/stories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A maker's stories, newest first (the maker may ask for drafts with ?status=)
     * @description A maker’s published stories as cards, newest first, in keyset pages; the maker may list their drafts and archived stories with `?status=`.
     */
    get: operations['getMakersByIdStories'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/feed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Published stories, newest first (keyset pagination: pass nextCursor back as cursor); following=true: only the makers the caller follows
     * @description The feed: published stories as cards (hero video, maker, price state, likes), newest first. Signed-in viewers see whether they liked each one; `following=true` keeps the makers they follow.
     */
    get: operations['getFeed'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/stories/{id}/like': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Like a story (idempotent)
     * @description Adds the caller’s like to the story and answers the new count; liking twice counts once.
     */
    put: operations['putStoriesByIdLike'];
    post?: never;
    /**
     * Unlike a story (idempotent)
     * @description Removes the caller’s like from the story and answers the new count.
     */
    delete: operations['deleteStoriesByIdLike'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/stories/{id}/views': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Count a view (once per viewer per story per UTC day). Anonymous viewers send a stable client id: X-Client-Id header or clientId.
     * @description Counts the viewer once per story per UTC day; anonymous views are also limited per address, so a flood of fresh client ids does not inflate the count.
     */
    post: operations['postStoriesByIdViews'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Report a story or a user
     * @description 201 with the new report. One open report per reporter per target: reporting the same target again while the report is open answers 200 with that report (nothing new is filed).
     */
    post: operations['postReports'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/stories/{id}/unpublish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Admin: take a story down (archived and marked moderated; audited)
     * @description Unpublishes a story for a rule it broke: it is archived and marked moderated, and the action is recorded in the audit log.
     */
    post: operations['postAdminStoriesByIdUnpublish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search published stories: words (accent-insensitive, English stems, one typo in longer words), filters, sorts, category facets; keyset pages (pass nextCursor back as cursor)
     * @description Full-text search over published stories with filters and sorts; answers the matching cards and a count per category.
     */
    get: operations['getSearch'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/search/makers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search makers by display name and city (accent-insensitive, one typo tolerated), best match first
     * @description Makers whose display name or city matches the words, best match first, in keyset pages.
     */
    get: operations['getSearchMakers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/stories/{id}/offers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The maker: offers waiting on their story (or ?status=); anyone else: their own offers
     * @description For the story’s maker, the offers waiting on the story (or those of `?status=`); for anyone else, their own offers on it.
     */
    get: operations['getStoriesByIdOffers'];
    put?: never;
    /**
     * Make an offer; the first one at or above the minimum opens the auction as its opening bid
     * @description Offers an amount for the piece, shipping to the country given (or the account’s). An offer at or above the maker’s minimum opens a 72-hour auction with the offer as its opening bid; below it, the offer waits for the maker or is declined at once, as the maker chose. Needs an `Idempotency-Key` header.
     */
    post: operations['postStoriesByIdOffers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/offers/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The maker accepts a held offer: it opens the auction
     * @description The maker accepts an offer below the minimum that waits for them; it opens the auction with the offer as its opening bid.
     */
    post: operations['postOffersByIdAccept'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/offers/{id}/decline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The maker declines a held offer
     * @description The maker declines an offer that waits for them; the offerer is notified.
     */
    post: operations['postOffersByIdDecline'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/offers/{id}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The offerer withdraws their offer (until it opens an auction)
     * @description The offerer takes back an offer that has not opened an auction.
     */
    post: operations['postOffersByIdWithdraw'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auctions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An auction (the caller’s own proxy maximum included when signed in)
     * @description An auction’s live state: the current price, the leading bidder’s pseudonym, the next minimum bid, the reserve state and when it ends (a late bid extends it).
     */
    get: operations['getAuctionsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/stories/{id}/auction': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The current auction of a story
     * @description The story’s running or latest auction, as `GET /v1/auctions/{id}` answers it.
     */
    get: operations['getStoriesByIdAuction'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auctions/{id}/bids': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Bids in order of acceptance (voided ones flagged); bidders appear by id and per-auction pseudonym
     * @description The bids of an auction in the order they were accepted, after a sequence number when given, so a client catches up after a reconnection.
     */
    get: operations['getAuctionsByIdBids'];
    put?: never;
    /**
     * Bid; with maxAmountMinor the system bids for you up to it (proxy bidding)
     * @description Bids at least the next minimum; with `maxAmountMinor` the server bids for the caller, one increment at a time, up to that maximum. A bid in the last minutes extends the end (soft close). Needs an `Idempotency-Key` header.
     */
    post: operations['postAuctionsByIdBids'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auctions/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The maker accepts the leading bid (early, or within the decision window after reserve not met); needs TOTP
     * @description Ends the auction with a sale to the leading bidder, who gets a payment window; while it runs, or after it ended below the reserve and within the decision window.
     */
    post: operations['postAuctionsByIdAccept'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auctions/{id}/second-chance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * After an unpaid window: offer the piece to the next-highest bidder at their last bid; needs TOTP
     * @description When the winner let the payment window expire, offers the piece to the next-highest bidder at their last bid, with a payment window of their own.
     */
    post: operations['postAuctionsByIdSecondChance'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auctions/{id}/relist': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Close an auction that ended without a sale; the story takes offers again
     * @description Closes an auction that ended without a sale (no bid, reserve not met or unpaid) and returns the story to taking offers.
     */
    post: operations['postAuctionsByIdRelist'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/stories/{id}/buy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Buy now (only before an auction starts): opens a payment window and holds the story
     * @description Buys the piece at its buy-now price, shipping to the country given (or the account’s); the story is held for the buyer while they pay within the payment window.
     */
    post: operations['postStoriesByIdBuy'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auctions/{id}/payment': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The auction's payment window (winner or maker)
     * @description The payment window of an auction’s winner: the amount (piece and shipping), the deadline and the checkout URL; for the winner and the maker only.
     */
    get: operations['getAuctionsByIdPayment'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/payment-windows/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A payment window (its buyer or the maker), e.g. after buy now
     * @description A payment window by its id, for its buyer or the maker: amount, deadline, state and checkout URL.
     */
    get: operations['getPaymentWindowsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/bids': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The auctions I bid on, latest bid first, with my standing (leading, outbid, won, lost)
     * @description The auctions the caller bid on, latest bid first, with their standing in each.
     */
    get: operations['getMeBids'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/offers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The offers I made, newest first, with their state
     * @description The offers the caller made, newest first, with their state (waiting, declined, withdrawn, opened an auction).
     */
    get: operations['getMeOffers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/auctions/{id}/bids/{bidId}/void': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Void a fraudulent bid (the lead is recomputed); recorded in the audit log
     * @description Voids a bid: it stays in the history, flagged, and the lead and the current price are recomputed from the remaining bids.
     */
    post: operations['postAdminAuctionsByIdBidsByBidIdVoid'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/payments/stripe/webhook': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Stripe webhook (Stripe-Signature over the raw body; the local provider signs the same way)
     * @description Receives the payment provider’s events; the signature is checked over the raw body, and an event seen before answers `duplicate`.
     */
    post: operations['postPaymentsStripeWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/payments/connect/onboarding': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Maker: start or resume payout onboarding (Stripe Connect Express); needs TOTP
     * @description Answers the provider’s onboarding URL where the maker enters their payout details, and the payout account’s state; the maker’s payouts go to this account.
     */
    post: operations['postPaymentsConnectOnboarding'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/payments/connect/account': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Maker: the payout account's state
     * @description Null until the maker starts payout onboarding (`POST /v1/payments/connect/onboarding`).
     */
    get: operations['getPaymentsConnectAccount'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/payments/local/{sessionId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Local provider: the hosted checkout page (HTML)
     * @description The local payment provider’s checkout page, where a demo buyer enters a shipping address and pays or declines; no money moves. Written in the payer’s language (their account’s, else the Accept-Language, else English).
     */
    get: operations['getPaymentsLocalBySessionId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/payments/local/{sessionId}/receipt': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Local provider: the receipt page (HTML)
     * @description The local payment provider’s receipt page, shown after a demo payment.
     */
    get: operations['getPaymentsLocalBySessionIdReceipt'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/payments/local/{sessionId}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Local provider: pay or decline (JSON, or the checkout form post, which is redirected to the receipt)
     * @description Completes a local checkout session as paid or declined, as a real provider’s webhook would; a paid session becomes an order shipping to the address given.
     */
    post: operations['postPaymentsLocalBySessionIdComplete'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My orders as buyer or maker (admins: as=admin for all), newest first
     * @description Orders where the caller is the buyer (`as=buyer`, the default) or the maker (`as=maker`); admins see all with `as=admin`. Newest first, in keyset pages.
     */
    get: operations['getOrders'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/orders/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An order (buyer, maker or admin)
     * @description An order with its amounts (piece and shipping apart), shipping address, status, tracking and refunds; only its buyer, its maker or an admin may read it.
     */
    get: operations['getOrdersById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/orders/{id}/shipment': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Maker: add the carrier and tracking number (ships the order)
     * @description The maker marks the order shipped with its carrier and tracking number, which the buyer then sees on the order.
     */
    post: operations['postOrdersByIdShipment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/orders/{id}/delivery-confirmation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Buyer: confirm delivery
     * @description The buyer confirms the piece arrived; the order is marked delivered.
     */
    post: operations['postOrdersByIdDeliveryConfirmation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/orders/{id}/dispute': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Buyer: report a problem with the order (an admin resolves it)
     * @description The buyer reports a problem with the order, with a reason; an admin looks into it and resolves it.
     */
    post: operations['postOrdersByIdDispute'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/orders/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Maker (before shipping) or admin: cancel the order and refund the buyer in full
     * @description Cancels the order and refunds the buyer in full; a maker may do so only before shipping.
     */
    post: operations['postOrdersByIdCancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/orders/{id}/refunds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Admin (any time) or maker (before shipping): refund all or part of the order
     * @description Refunds the amount given, or the whole order without one, with the reason; a maker may do so only before shipping.
     */
    post: operations['postOrdersByIdRefunds'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/orders/{id}/receipt': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The receipt page (HTML): for a signed-in party, or with the receipt link token
     * @description The order’s receipt as a printable HTML page, for a signed-in party or anyone holding the link from the receipt email; written in the reader’s language (their account’s, else the Accept-Language, else English).
     */
    get: operations['getOrdersByIdReceipt'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/analytics/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Report what the viewer saw and did (at most 100 events a call)
     * @description Sign-in optional: anonymous clients send a random UUID they generated in `X-Client-Id` (or, from `navigator.sendBeacon`, which cannot set headers, as the batch's `clientId`; a Blob of type `application/json`). Only the fields listed are accepted: any other field (an email, an IP, …) is refused with 400.
     */
    post: operations['postAnalyticsEvents'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/makers/me/dashboard': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The caller's maker dashboard: active listings, funnel, revenue by day, fulfilment tasks
     * @description Figures are fresh within seconds of the events: days not yet rolled up are computed live. The funnel and revenue cover the last `days` UTC days, today included; listing views and likes are since publication.
     */
    get: operations['getMakersMeDashboard'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/analytics/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Admin: export the analytics events of a time range as NDJSON (one event a line)
     * @description Streams `application/x-ndjson`, oldest first; each line is an `ExportedAnalyticsEvent`. `from` inclusive, `to` exclusive. The export is recorded in the audit log.
     */
    get: operations['getAdminAnalyticsExport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Admin: the moderation queue (reports), newest first
     * @description The reports of stories and users, newest first, optionally only those with a given status, in keyset pages.
     */
    get: operations['getAdminReports'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/reports/{id}/resolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Admin: close a report as dismissed or actioned (audited; the reporter and the maker are told)
     * @description Closes an open report as dismissed (nothing wrong) or actioned (something was done about it), with an optional note; recorded in the audit log.
     */
    post: operations['postAdminReportsByIdResolve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/stories/{id}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Admin: archive a story (taken down and marked moderated, as unpublish; audited; the maker is told)
     * @description Takes a story out of the feed and search and marks it moderated. Recorded in the audit log, and the maker is notified.
     */
    post: operations['postAdminStoriesByIdArchive'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/audit-log': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Admin: the audit log of admin actions, newest first
     * @description Every admin action (suspensions, take-downs, voided bids, refunds, removed reviews) with who did it, when and why, newest first.
     */
    get: operations['getAdminAuditLog'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/stories/{id}/watch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Watch a story: hear when its auction opens, an hour and 10 minutes before it ends, and when it ends (idempotent)
     * @description Adds the story to the caller’s watchlist: they are notified when its auction opens, shortly before it ends and when it ends. Watching twice changes nothing.
     */
    put: operations['putStoriesByIdWatch'];
    post?: never;
    /**
     * Stop watching a story (idempotent)
     * @description Removes the story from the caller’s watchlist; it changes nothing when it was not watched.
     */
    delete: operations['deleteStoriesByIdWatch'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/watchlist': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The stories I watch, as feed items, most recently watched first
     * @description The stories the caller watches, as feed cards, most recently watched first, in keyset pages.
     */
    get: operations['getMeWatchlist'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/watching': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Which of the given stories I watch (for the watch toggles)
     * @description Of the story ids given (`storyIds`, comma-separated), the ones the caller watches.
     */
    get: operations['getMeWatching'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/makers/{id}/follow': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Follow a maker (idempotent; not yourself, not a suspended maker)
     * @description Adds the maker to the caller’s follows: their new stories reach the following feed and, if enabled, a notification. Following twice changes nothing.
     */
    put: operations['putMakersByIdFollow'];
    post?: never;
    /**
     * Stop following a maker (idempotent)
     * @description Removes the maker from the caller’s follows; unfollowing a maker not followed changes nothing.
     */
    delete: operations['deleteMakersByIdFollow'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/following': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The makers I follow, most recently followed first (keyset pagination)
     * @description The makers the caller follows, most recently followed first, in keyset pages.
     */
    get: operations['getMeFollowing'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The caller's conversations, latest activity first, with unread counts (keyset pages)
     * @description The caller’s conversations, latest message first, each with the other party, the story or order it is about and the unread count.
     */
    get: operations['getConversations'];
    put?: never;
    /**
     * Open the conversation about a story (with its maker) or an order (with its other party)
     * @description 201 when the conversation is new, 200 with the existing one for the same pair and subject. With `text`, it is sent as a message. A user who blocked the caller answers 403 `blocked_by_user`.
     */
    post: operations['postConversations'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations/unread-count': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Unread messages over all the caller’s conversations (the tab bar badge)
     * @description The number of unread messages over all the caller’s conversations.
     */
    get: operations['getConversationsUnreadCount'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One of the caller’s conversations
     * @description A conversation the caller takes part in, with the other party and what it is about; 404 for anyone else.
     */
    get: operations['getConversationsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations/{id}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Messages of a conversation, newest first (pass nextCursor back as cursor for older ones)
     * @description The messages of a conversation the caller takes part in, newest first, in keyset pages.
     */
    get: operations['getConversationsByIdMessages'];
    put?: never;
    /**
     * Send a message (plain text, 1–2,000 characters); the other party gets it live on user:<id>
     * @description Adds a message to a conversation the caller takes part in; refused when the other party blocked the caller.
     */
    post: operations['postConversationsByIdMessages'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mark a conversation read; answers the caller’s remaining unread count
     * @description Marks every message of the conversation read for the caller and answers what remains unread elsewhere.
     */
    post: operations['postConversationsByIdRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/messages/{id}/report': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Report a message of the other party; admins may then read the conversation
     * @description 201 with the new report; reporting the same message again answers 200 with the first one.
     */
    post: operations['postMessagesByIdReport'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/users/{id}/block': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Block a user: they cannot message you, offer or bid on your stories, and their messages are hidden from you (idempotent)
     * @description Blocks a user: they can no longer message the caller, make offers on or bid on the caller’s stories, and their messages are hidden from the caller. Blocking twice changes nothing.
     */
    put: operations['putUsersByIdBlock'];
    post?: never;
    /**
     * Unblock a user (idempotent)
     * @description Lifts a block; unblocking a user not blocked changes nothing.
     */
    delete: operations['deleteUsersByIdBlock'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/blocks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The users the caller blocked, most recent first
     * @description The users the caller blocked, most recently blocked first.
     */
    get: operations['getMeBlocks'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/message-reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Admin: reported messages, newest report first
     * @description Messages reported by the other party of their conversation, newest report first, with the reason.
     */
    get: operations['getAdminMessageReports'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/conversations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Admin: read a conversation with a reported message (audited); 404 for one without
     * @description Lets an admin read a conversation only when one of its messages was reported; each reading is recorded in the audit log.
     */
    get: operations['getAdminConversationsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/orders/{id}/review': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The review of an order (its buyer, maker or an admin), and whether the buyer may write one now
     * @description The review of an order when there is one, and whether its buyer may still write it (delivered, not yet reviewed, within 60 days).
     */
    get: operations['getOrdersByIdReview'];
    put?: never;
    /**
     * The buyer reviews the maker of a delivered order (1–5 and optional text), once, within 60 days
     * @description 409 `order_not_delivered` before delivery, `already_reviewed` for a second review, `review_window_closed` 60 days after delivery; the maker or an admin 403, anyone else 404.
     */
    post: operations['postOrdersByIdReview'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/makers/{id}/reviews': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A maker's reviews, newest first (keyset pages), with the average rating and the count
     * @description A maker’s reviews, newest first, in keyset pages, with the average rating and the number of reviews.
     */
    get: operations['getMakersByIdReviews'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/reviews/{id}/reply': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The reviewed maker answers a review, once (a second answer: 409 `already_replied`)
     * @description The maker reviewed adds one public answer under the review.
     */
    post: operations['postReviewsByIdReply'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/reviews/{id}/report': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Report a review to the admins, with a reason
     * @description 201 with the new report; reporting the same review again answers 200 with the first one.
     */
    post: operations['postReviewsByIdReport'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/review-reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Admin: open reports of reviews, newest first
     * @description Reviews reported to the admins, newest report first, with the reasons.
     */
    get: operations['getAdminReviewReports'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/reviews/{id}/remove': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Admin: remove a review (out of the maker's page and rating; its reports upheld; audited)
     * @description Removes a review from the maker’s page and rating and upholds its reports; recorded in the audit log.
     */
    post: operations['postAdminReviewsByIdRemove'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/reviews/{id}/dismiss-reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Admin: keep a reported review (its open reports dismissed; audited)
     * @description Keeps a reported review on the maker’s page and dismisses its open reports; recorded in the audit log.
     */
    post: operations['postAdminReviewsByIdDismissReports'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/s/{storyId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A shared story link: its preview for chat apps, then the app at the story
     * @description An HTML page with the story’s title, image and price for link previews (Open Graph), which sends a browser on to the story in the app.
     */
    get: operations['getSByStoryId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/m/{makerId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A shared maker link: the maker’s preview for chat apps, then the app at their page
     * @description An HTML page with the maker’s name and picture for link previews (Open Graph), which sends a browser on to their page in the app.
     */
    get: operations['getMByMakerId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /**
     * @description stable snake_case code
     * @enum {string}
     */
    ErrorCodeInput:
      | 'account_suspended'
      | 'already_leading'
      | 'already_replied'
      | 'already_reviewed'
      | 'auction_active'
      | 'auction_already_started'
      | 'auction_closed'
      | 'auction_ended'
      | 'auction_not_active'
      | 'auction_not_found'
      | 'auction_not_over'
      | 'auction_not_started'
      | 'authentication_required'
      | 'avatar_media_not_found'
      | 'avatar_must_be_image'
      | 'bad_request'
      | 'bad_url'
      | 'bid_above_new_buyer_cap'
      | 'bid_id_conflict'
      | 'bid_not_found'
      | 'bid_not_voidable'
      | 'bid_too_low'
      | 'bidder_blocked'
      | 'blocked_by_maker'
      | 'blocked_by_user'
      | 'buy_now_below_minimum'
      | 'buy_now_below_reserve'
      | 'buy_now_unavailable'
      | 'cannot_block_self'
      | 'cannot_message_self'
      | 'cannot_follow_self'
      | 'cannot_report_self'
      | 'captions_bad_character'
      | 'captions_bad_timing'
      | 'captions_beyond_end'
      | 'captions_cue_too_long'
      | 'captions_empty_cue'
      | 'captions_end_before_start'
      | 'captions_invalid_rendition'
      | 'captions_missing_header'
      | 'captions_out_of_order'
      | 'captions_too_large'
      | 'captions_too_many_cues'
      | 'cdn_not_configured'
      | 'checkout_closed'
      | 'checkout_not_found'
      | 'client_id_required'
      | 'conversation_not_found'
      | 'conversation_not_reported'
      | 'currency_mismatch'
      | 'decision_window_closed'
      | 'decision_window_open'
      | 'forbidden'
      | 'hero_must_be_video'
      | 'hero_video_not_ready'
      | 'hls_master_invalid'
      | 'idempotency_conflict'
      | 'idempotency_key_reused'
      | 'internal_error'
      | 'invalid_amount'
      | 'invalid_code'
      | 'invalid_content_length'
      | 'invalid_content_type'
      | 'invalid_cursor'
      | 'invalid_event'
      | 'invalid_id_token'
      | 'invalid_idempotency_key'
      | 'invalid_json'
      | 'invalid_mfa_token'
      | 'invalid_nonce'
      | 'invalid_phone'
      | 'invalid_price_range'
      | 'invalid_push_endpoint'
      | 'invalid_push_keys'
      | 'invalid_range'
      | 'invalid_recovery_code'
      | 'invalid_refresh_token'
      | 'invalid_signature'
      | 'invalid_token'
      | 'invalid_username'
      | 'maker_cannot_bid'
      | 'maker_cannot_buy'
      | 'maker_cannot_offer'
      | 'maker_not_found'
      | 'maker_profile_exists'
      | 'maker_required'
      | 'maker_sign_up_limit'
      | 'max_below_amount'
      | 'media_file_not_found'
      | 'media_forbidden'
      | 'media_not_editable'
      | 'media_not_found'
      | 'media_not_ready'
      | 'media_source_missing'
      | 'media_taken_down'
      | 'media_tool_missing'
      | 'message_not_found'
      | 'no_auction'
      | 'no_bids'
      | 'no_payment_window'
      | 'no_second_chance_bidder'
      | 'not_a_video'
      | 'not_allowed_for_party'
      | 'not_an_image'
      | 'not_auction_maker'
      | 'not_found'
      | 'not_offer_owner'
      | 'not_payment_party'
      | 'not_shipped_to_country'
      | 'not_story_maker'
      | 'not_story_owner'
      | 'not_suspended'
      | 'nothing_to_refund'
      | 'notification_not_found'
      | 'offer_already_active'
      | 'offer_below_minimum'
      | 'offer_id_conflict'
      | 'offer_not_found'
      | 'offer_not_pending'
      | 'offer_not_withdrawable'
      | 'offer_policy_required'
      | 'order_not_awaiting_shipment'
      | 'order_not_cancellable'
      | 'order_not_delivered'
      | 'order_not_disputable'
      | 'order_not_found'
      | 'order_not_refundable'
      | 'order_not_shipped'
      | 'payload_too_large'
      | 'payment_not_found'
      | 'payment_window_closed'
      | 'payment_window_not_found'
      | 'payment_window_open'
      | 'payments_unavailable'
      | 'payout_account_not_found'
      | 'playback_token_expired'
      | 'playback_token_invalid'
      | 'probe_cancelled'
      | 'provider_not_configured'
      | 'provider_unavailable'
      | 'push_endpoint_taken'
      | 'range_not_satisfiable'
      | 'rate_limited'
      | 'receipt_link_expired'
      | 'recipient_unavailable'
      | 'refresh_token_reused'
      | 'refund_exceeds_payment'
      | 'refund_failed'
      | 'report_already_resolved'
      | 'report_not_found'
      | 'resolution_too_large'
      | 'review_already_removed'
      | 'review_not_found'
      | 'review_window_closed'
      | 'service_unavailable'
      | 'session_ended'
      | 'shipping_country_required'
      | 'shipping_required'
      | 'sign_in_locked'
      | 'storage_key_invalid'
      | 'storage_object_not_found'
      | 'storage_prefix_invalid'
      | 'storage_range_invalid'
      | 'storage_range_not_satisfiable'
      | 'storage_unavailable'
      | 'story_changed'
      | 'story_media_not_found'
      | 'story_moderated'
      | 'story_not_found'
      | 'story_not_published'
      | 'story_reserved'
      | 'story_sold'
      | 'token_expired'
      | 'too_large'
      | 'too_long'
      | 'too_many_codes'
      | 'too_many_payment_windows'
      | 'totp_already_enabled'
      | 'totp_not_enrolled'
      | 'totp_required'
      | 'transcode_cancelled'
      | 'transcode_failed'
      | 'transcode_output_dir_invalid'
      | 'transcode_output_dir_not_empty'
      | 'transcode_timed_out'
      | 'trim_invalid'
      | 'truncated'
      | 'undecodable'
      | 'unsupported_currency'
      | 'unsupported_media_type'
      | 'upload_empty'
      | 'upload_failed'
      | 'upload_finished'
      | 'upload_forbidden'
      | 'upload_length_invalid'
      | 'upload_length_required'
      | 'upload_metadata_invalid'
      | 'upload_not_found'
      | 'upload_too_large'
      | 'user_not_found'
      | 'username_taken'
      | 'validation_failed'
      | 'web_push_not_configured';
    ErrorBodyInput: {
      error: {
        code: components['schemas']['ErrorCodeInput'];
        message: string;
        details?: unknown;
      };
    };
    NotificationInput: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind:
        | 'offer_received'
        | 'offer_declined'
        | 'auction_started'
        | 'bid_placed'
        | 'outbid'
        | 'ending_soon'
        | 'won'
        | 'lost'
        | 'reserve_not_met'
        | 'payment_reminder'
        | 'payment_received'
        | 'payment_expired'
        | 'second_chance_offer'
        | 'shipped'
        | 'delivered'
        | 'order_completed'
        | 'shipping_reminder'
        | 'shipping_overdue'
        | 'refunded'
        | 'moderation_outcome'
        | 'payout_released'
        | 'watched_auction_started'
        | 'watched_ending_soon'
        | 'watched_auction_ended'
        | 'new_story'
        | 'message'
        | 'review_received'
        | 'review_reply';
      title: string;
      body: string;
      data: {
        [key: string]: unknown;
      };
      link: string | null;
      createdAt: string;
      readAt: string | null;
    };
    NotificationPreferencesInput: {
      items: {
        /** @enum {string} */
        kind:
          | 'offer_received'
          | 'offer_declined'
          | 'auction_started'
          | 'bid_placed'
          | 'outbid'
          | 'ending_soon'
          | 'won'
          | 'lost'
          | 'reserve_not_met'
          | 'payment_reminder'
          | 'payment_received'
          | 'payment_expired'
          | 'second_chance_offer'
          | 'shipped'
          | 'delivered'
          | 'order_completed'
          | 'shipping_reminder'
          | 'shipping_overdue'
          | 'refunded'
          | 'moderation_outcome'
          | 'payout_released'
          | 'watched_auction_started'
          | 'watched_ending_soon'
          | 'watched_auction_ended'
          | 'new_story'
          | 'message'
          | 'review_received'
          | 'review_reply';
        /**
         * @description in-app is always on and not listed
         * @enum {string}
         */
        channel: 'email' | 'web_push' | 'sms' | 'mobile_push';
        enabled: boolean;
        /** @description same as the product default */
        isDefault: boolean;
      }[];
    };
    ModerationReportInput: {
      id: string;
      /** @enum {string} */
      targetType: 'story' | 'user';
      targetId: string;
      targetLabel: string | null;
      reason: string;
      /** @enum {string} */
      status: 'open' | 'actioned' | 'dismissed';
      reporterId: string | null;
      createdAt: string;
      resolvedAt: string | null;
      resolvedBy: string | null;
      resolutionNote: string | null;
    };
    TakenDownStoryInput: {
      storyId: string;
      status: string;
      moderated: boolean;
      changed: boolean;
    };
    AuditEntryInput: {
      id: string;
      actorId: string;
      actorName: string | null;
      action: string;
      targetType: string;
      targetId: string;
      reason: string | null;
      details: {
        [key: string]: unknown;
      } | null;
      createdAt: string;
    };
    ClientAnalyticsEventInput: {
      /** @enum {string} */
      type: 'feed_impression' | 'play' | 'watch_through' | 'story_view' | 'like' | 'playback_error';
      /** Format: uuid */
      storyId?: string;
      /** Format: uuid */
      mediaId?: string;
      positionMs?: number;
      durationMs?: number;
      feedPosition?: number;
      /** @enum {string} */
      cause?: 'token_refused' | 'not_found' | 'network' | 'media' | 'unsupported' | 'other';
      /** Format: date-time */
      clientTime?: string;
    };
    AnalyticsBatchAcceptedInput: {
      /** @description events stored */
      accepted: number;
      /** @description events naming a story that does not exist (not stored) */
      dropped: number;
    };
    ExportedAnalyticsEventInput: {
      id: number;
      /** @enum {string} */
      type:
        | 'feed_impression'
        | 'play'
        | 'watch_through'
        | 'story_view'
        | 'like'
        | 'playback_error'
        | 'offer'
        | 'bid'
        | 'payment';
      /** @enum {string} */
      source: 'client' | 'server';
      occurredAt: string;
      clientTime: string | null;
      userId: string | null;
      anonymousId: string | null;
      storyId: string | null;
      makerId: string | null;
      mediaId: string | null;
      auctionId: string | null;
      positionMs: number | null;
      durationMs: number | null;
      feedPosition: number | null;
      cause: ('token_refused' | 'not_found' | 'network' | 'media' | 'unsupported' | 'other') | null;
      amountMinor: number | null;
      currency: string | null;
    };
    MakerDashboardInput: {
      activeListings: {
        storyId: string;
        title: string;
        publishedAt: string | null;
        auction: {
          state: string;
          highBidMinor: number | null;
          currency: string;
          endsAt: string;
          reserveMet: boolean;
          bidCount: number;
        } | null;
        views: number;
        likes: number;
      }[];
      funnel: {
        views: number;
        offers: number;
        bids: number;
      };
      revenueByDay: {
        day: string;
        amountMinor: number;
        currency: string;
      }[];
      toShip: number;
      overdue: number;
      period: {
        from: string;
        to: string;
      };
      generatedAt: string;
    };
    AuctionInput: {
      id: string;
      storyId: string;
      /** @enum {string} */
      status: 'active' | 'ended' | 'awaiting_payment' | 'paid' | 'cancelled' | 'lapsed' | 'payment_expired';
      currency: string;
      highBidMinor: number | null;
      /** @description null once the auction no longer takes bids */
      minNextBidMinor: number | null;
      /** @description the leading bidder's user id (opaque; no personal data) */
      leaderId: string | null;
      /** @description per-auction pseudonym shown instead of a name, e.g. "Bidder 2" */
      leaderAlias: string | null;
      reserveMet: boolean;
      hasReserve: boolean;
      startsAt: string;
      endsAt: string;
      endedAt: string | null;
      winnerId: string | null;
      winningAmountMinor: number | null;
      bidCount: number;
      makerDecisionDeadline: string | null;
      paymentDueAt: string | null;
      /** @description the caller's own proxy maximum (only theirs) */
      myMaxAmountMinor: number | null;
      /** @description the caller leads */
      isLeading: boolean;
      /** @description to the maker only: the decisions the server takes on this auction now (empty for anyone else) */
      makerActions: ('accept' | 'second_chance' | 'relist')[];
      /** @description bumped on every change; live messages carry it too */
      version: number;
      serverTime: string;
    };
    BidInput: {
      id: string;
      bidderId: string;
      bidderAlias: string;
      amountMinor: number;
      /** @enum {string} */
      kind: 'opening' | 'bid' | 'proxy';
      sequence: number;
      createdAt: string;
      voided: boolean;
      voidReason: ('fraud' | 'superseded') | null;
    };
    OwnBidInput: {
      id: string;
      auctionId: string;
      bidderId: string;
      amountMinor: number;
      /** @description private: only ever shown to the bidder */
      maxAmountMinor: number;
      /** @enum {string} */
      kind: 'opening' | 'bid' | 'proxy' | 'max_raise';
      sequence: number;
      createdAt: string;
    };
    OfferInput: {
      id: string;
      storyId: string;
      userId: string;
      amountMinor: number;
      currency: string;
      /** @enum {string} */
      status: 'pending' | 'opened_auction' | 'declined' | 'withdrawn' | 'superseded';
      auctionId: string | null;
      createdAt: string;
      decidedAt: string | null;
    };
    PaymentWindowInput: {
      id: string;
      auctionId: string | null;
      storyId: string;
      winnerId: string;
      /** @enum {string} */
      status: 'open' | 'paid' | 'expired' | 'cancelled';
      /** @enum {string} */
      reason: 'won' | 'maker_accepted' | 'second_chance' | 'buy_now';
      amountMinor: number;
      currency: string;
      /** @description the checkout takes a shipping address in this country */
      shippingCountry: string | null;
      /** @description shipping there, charged on top of amountMinor */
      shippingMinor: number;
      opensAt: string;
      expiresAt: string;
      /** @description hosted checkout; null until the payments module provides one */
      checkoutUrl: string | null;
    };
    BidActivityInput: {
      auctionId: string;
      storyId: string;
      title: string;
      /** @enum {string} */
      status: 'active' | 'ended' | 'awaiting_payment' | 'paid' | 'cancelled' | 'lapsed' | 'payment_expired';
      highBidMinor: number | null;
      currency: string;
      endsAt: string;
      myHighestBidMinor: number;
      /** @description private: the caller’s own maximum */
      myMaxMinor: number;
      /**
       * @description leading/outbid while the auction runs (or waits on the maker); won/lost once it has a result
       * @enum {string}
       */
      standing: 'leading' | 'outbid' | 'won' | 'lost';
      /** @description set on a win awaiting payment: pay at /auctions/{auctionId}/payment before then */
      paymentDueAt: string | null;
    };
    OfferActivityInput: {
      id: string;
      storyId: string;
      userId: string;
      amountMinor: number;
      currency: string;
      /** @enum {string} */
      status: 'pending' | 'opened_auction' | 'declined' | 'withdrawn' | 'superseded';
      auctionId: string | null;
      createdAt: string;
      decidedAt: string | null;
      title: string;
    };
    RecoveryCodesInput: {
      /** @description single-use codes that sign in in place of a TOTP code; shown only now, stored hashed */
      recoveryCodes: string[];
    };
    UserInput: {
      /** Format: uuid */
      id: string;
      email: string | null;
      username: string;
      /** @description where the user receives purchases (ISO 3166-1 alpha-2) */
      country: string | null;
      /**
       * @description the language the account’s emails, texts and notifications are written in: en, pt (European Portuguese), es, fr or de; "en" while the person has not chosen one
       * @enum {string}
       */
      locale: 'en' | 'pt' | 'es' | 'fr' | 'de';
      roles: string[];
      status: string;
      totpEnabled: boolean;
      createdAt: string;
    };
    MakerProfileInput: {
      /** Format: uuid */
      userId: string;
      displayName: string;
      bio: string | null;
      city: string | null;
      country: string | null;
      avatarUrl: string | null;
      createdAt: string;
    };
    MakerShopProfileInput: {
      /** Format: uuid */
      userId: string;
      displayName: string;
      bio: string | null;
      city: string | null;
      country: string | null;
      avatarUrl: string | null;
      createdAt: string;
      followerCount: number;
      following?: boolean;
      rating: {
        average: number | null;
        count: number;
      };
      since: string;
    };
    MeInput: {
      /** Format: uuid */
      id: string;
      email: string | null;
      username: string;
      /** @description where the user receives purchases (ISO 3166-1 alpha-2) */
      country: string | null;
      /**
       * @description the language the account’s emails, texts and notifications are written in: en, pt (European Portuguese), es, fr or de; "en" while the person has not chosen one
       * @enum {string}
       */
      locale: 'en' | 'pt' | 'es' | 'fr' | 'de';
      roles: string[];
      status: string;
      totpEnabled: boolean;
      createdAt: string;
      phone: string | null;
      maker: components['schemas']['MakerProfileInput'] | null;
    };
    SignInResultInput:
      | {
          accessToken: string;
          refreshToken: string;
          expiresIn: number;
          user: components['schemas']['UserInput'];
        }
      | {
          /** @constant */
          mfaRequired: true;
          mfaToken: string;
        };
    MediaInput: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      ownerId: string;
      /** @enum {string} */
      kind: 'video' | 'image';
      /** @enum {string} */
      status: 'uploading' | 'processing' | 'ready' | 'failed';
      progress: number;
      error?: {
        code: string;
        message: string;
      };
      /** @description signed; valid PLAYBACK_TOKEN_SECONDS */
      posterUrl?: string;
      /** @description the poster 320 px wide, for small previews; signed like posterUrl */
      thumbUrl?: string;
      /** @description HLS master playlist, signed; fetch the media again to renew */
      playbackUrl?: string;
      imageUrl?: string;
      durationMs?: number;
      width?: number;
      height?: number;
      /** @description the version now playing */
      version?: number;
      /** @description owner only: a studio edit being processed (or failed) while the current version plays */
      edit?: {
        version: number;
        /** @enum {string} */
        status: 'processing' | 'failed';
        progress: number;
        error?: {
          code: string;
          message: string;
        };
      };
    };
    PayoutAccountInput: {
      accountId: string;
      /** @enum {string} */
      provider: 'stripe' | 'local';
      payoutsEnabled: boolean;
      chargesEnabled: boolean;
      detailsSubmitted: boolean;
    };
    ShippingAddressInput: {
      name: string;
      line1: string;
      line2: string | null;
      city: string;
      postalCode: string;
      country: string;
      state?: string | null;
    };
    OrderInput: {
      id: string;
      /** @enum {string} */
      status: 'paid' | 'shipped' | 'delivered' | 'completed' | 'cancelled' | 'refunded' | 'disputed';
      windowId: string;
      auctionId: string | null;
      storyId: string;
      itemTitle: string;
      buyerId: string;
      makerId: string;
      /** @description everything the buyer paid: the piece plus shipping */
      amountMinor: number;
      /** @description the piece's price */
      itemMinor: number;
      /** @description the shipping part of amountMinor */
      shippingMinor: number;
      currency: string;
      refundedMinor: number;
      feeMinor?: number;
      payoutHeldReason?: string | null;
      /** @description Shown to the buyer and the maker only */
      shippingAddress: components['schemas']['ShippingAddressInput'] | null;
      carrier: string | null;
      trackingNumber: string | null;
      /** @description The carrier’s tracking page when the carrier and number are recognised; null otherwise */
      trackingUrl: string | null;
      /** @description ISO 8601 UTC */
      paidAt: string;
      /** @description ISO 8601 UTC */
      shippingDueAt: string;
      shippingOverdue: boolean;
      shippedAt: string | null;
      autoDeliverAt: string | null;
      deliveredAt: string | null;
      deliveredBy: ('buyer' | 'automatic') | null;
      completedAt: string | null;
      cancelledAt: string | null;
      refundedAt: string | null;
      disputedAt: string | null;
      disputeReason: string | null;
      /** @enum {string} */
      as: 'buyer' | 'maker' | 'admin';
      receiptUrl: string;
    };
    RefundInput: {
      id: string;
      amountMinor: number;
      /** @enum {string} */
      status: 'pending' | 'succeeded' | 'failed';
      reason: string;
      createdAt: string;
    };
    FollowStateInput: {
      following: boolean;
      followerCount: number;
    };
    FollowedMakerInput: {
      userId: string;
      displayName: string;
      bio: string | null;
      city: string | null;
      country: string | null;
      avatarUrl: string | null;
      createdAt: string;
      followerCount: number;
      followedAt: string;
    };
    OfferPolicyInput: {
      minOfferMinor: number;
      currency: string;
      autoRejectBelowMin: boolean;
    };
    AuctionSummaryInput: {
      auctionId: string;
      state: string;
      highBidMinor: number | null;
      currency: string;
      reserveMet: boolean;
      endsAt: string;
      minNextBidMinor: number | null;
    };
    ShippingPolicyInput: {
      fromCountry: string;
      options: {
        /** @description "domestic", "international" or an ISO 3166-1 alpha-2 country */
        region: string;
        amountMinor: number;
        dispatchDays: number;
      }[];
    };
    StoryMakerInput: {
      id: string;
      displayName: string;
      avatarUrl: string | null;
    };
    StoryCardInput: {
      id: string;
      title: string;
      /** @enum {string} */
      category:
        'ceramics' | 'woodwork' | 'textiles' | 'jewelry' | 'glass' | 'leather' | 'metalwork' | 'paper' | 'other';
      /** @enum {string} */
      status: 'draft' | 'published' | 'archived';
      maker: components['schemas']['StoryMakerInput'];
      heroMediaId: string | null;
      posterUrl: string | null;
      playbackUrl: string | null;
      auction: components['schemas']['AuctionSummaryInput'] | null;
      likeCount: number;
      likedByMe: boolean;
      viewCount: number;
      offerPolicy: components['schemas']['OfferPolicyInput'] | null;
      buyNowMinor: number | null;
      publishedAt: string | null;
    };
    StoryInput: {
      id: string;
      makerId: string;
      maker: components['schemas']['StoryMakerInput'];
      title: string;
      description: string;
      /** @enum {string} */
      category:
        'ceramics' | 'woodwork' | 'textiles' | 'jewelry' | 'glass' | 'leather' | 'metalwork' | 'paper' | 'other';
      /** @enum {string} */
      status: 'draft' | 'published' | 'archived';
      heroMediaId: string | null;
      hero: {
        mediaId: string;
        kind: ('video' | 'image') | null;
        playbackUrl: string | null;
        posterUrl: string | null;
      } | null;
      gallery: {
        mediaId: string;
        kind: ('video' | 'image') | null;
        playbackUrl: string | null;
        posterUrl: string | null;
      }[];
      processSteps: {
        title: string;
        body: string;
        mediaId: string | null;
        media: {
          mediaId: string;
          kind: ('video' | 'image') | null;
          playbackUrl: string | null;
          posterUrl: string | null;
        } | null;
      }[];
      materials: string[];
      notes: string;
      location: {
        city: string;
        country: string;
        lat: number | null;
        lng: number | null;
      } | null;
      offerPolicy: components['schemas']['OfferPolicyInput'] | null;
      reserveMinor?: number | null;
      buyNowMinor: number | null;
      shipping: components['schemas']['ShippingPolicyInput'] | null;
      shippingQuote?: {
        amountMinor: number;
        currency: string;
        dispatchDays: number;
      } | null;
      auction: components['schemas']['AuctionSummaryInput'] | null;
      likeCount: number;
      likedByMe: boolean;
      viewCount: number;
      moderated: boolean;
      publishedAt: string | null;
      createdAt: string;
      updatedAt: string;
    };
    LikeStateInput: {
      liked: boolean;
      likeCount: number;
    };
    ReportInput: {
      id: string;
      /** @enum {string} */
      targetType: 'story' | 'user';
      targetId: string;
      reason: string;
      /** @enum {string} */
      status: 'open' | 'actioned' | 'dismissed';
      createdAt: string;
      resolvedAt: string | null;
    };
    StorySearchPageInput: {
      items: components['schemas']['StoryCardInput'][];
      nextCursor: string | null;
      facets: {
        category: {
          [key: string]: number;
        };
      };
    };
    MakerSearchItemInput: {
      id: string;
      displayName: string;
      city: string | null;
      country: string | null;
      avatarUrl: string | null;
      followerCount: number;
    };
    MakerSearchPageInput: {
      items: components['schemas']['MakerSearchItemInput'][];
      nextCursor: string | null;
    };
    WatchStateInput: {
      watching: boolean;
    };
    /**
     * @description stable snake_case code
     * @enum {string}
     */
    ErrorCode:
      | 'account_suspended'
      | 'already_leading'
      | 'already_replied'
      | 'already_reviewed'
      | 'auction_active'
      | 'auction_already_started'
      | 'auction_closed'
      | 'auction_ended'
      | 'auction_not_active'
      | 'auction_not_found'
      | 'auction_not_over'
      | 'auction_not_started'
      | 'authentication_required'
      | 'avatar_media_not_found'
      | 'avatar_must_be_image'
      | 'bad_request'
      | 'bad_url'
      | 'bid_above_new_buyer_cap'
      | 'bid_id_conflict'
      | 'bid_not_found'
      | 'bid_not_voidable'
      | 'bid_too_low'
      | 'bidder_blocked'
      | 'blocked_by_maker'
      | 'blocked_by_user'
      | 'buy_now_below_minimum'
      | 'buy_now_below_reserve'
      | 'buy_now_unavailable'
      | 'cannot_block_self'
      | 'cannot_message_self'
      | 'cannot_follow_self'
      | 'cannot_report_self'
      | 'captions_bad_character'
      | 'captions_bad_timing'
      | 'captions_beyond_end'
      | 'captions_cue_too_long'
      | 'captions_empty_cue'
      | 'captions_end_before_start'
      | 'captions_invalid_rendition'
      | 'captions_missing_header'
      | 'captions_out_of_order'
      | 'captions_too_large'
      | 'captions_too_many_cues'
      | 'cdn_not_configured'
      | 'checkout_closed'
      | 'checkout_not_found'
      | 'client_id_required'
      | 'conversation_not_found'
      | 'conversation_not_reported'
      | 'currency_mismatch'
      | 'decision_window_closed'
      | 'decision_window_open'
      | 'forbidden'
      | 'hero_must_be_video'
      | 'hero_video_not_ready'
      | 'hls_master_invalid'
      | 'idempotency_conflict'
      | 'idempotency_key_reused'
      | 'internal_error'
      | 'invalid_amount'
      | 'invalid_code'
      | 'invalid_content_length'
      | 'invalid_content_type'
      | 'invalid_cursor'
      | 'invalid_event'
      | 'invalid_id_token'
      | 'invalid_idempotency_key'
      | 'invalid_json'
      | 'invalid_mfa_token'
      | 'invalid_nonce'
      | 'invalid_phone'
      | 'invalid_price_range'
      | 'invalid_push_endpoint'
      | 'invalid_push_keys'
      | 'invalid_range'
      | 'invalid_recovery_code'
      | 'invalid_refresh_token'
      | 'invalid_signature'
      | 'invalid_token'
      | 'invalid_username'
      | 'maker_cannot_bid'
      | 'maker_cannot_buy'
      | 'maker_cannot_offer'
      | 'maker_not_found'
      | 'maker_profile_exists'
      | 'maker_required'
      | 'maker_sign_up_limit'
      | 'max_below_amount'
      | 'media_file_not_found'
      | 'media_forbidden'
      | 'media_not_editable'
      | 'media_not_found'
      | 'media_not_ready'
      | 'media_source_missing'
      | 'media_taken_down'
      | 'media_tool_missing'
      | 'message_not_found'
      | 'no_auction'
      | 'no_bids'
      | 'no_payment_window'
      | 'no_second_chance_bidder'
      | 'not_a_video'
      | 'not_allowed_for_party'
      | 'not_an_image'
      | 'not_auction_maker'
      | 'not_found'
      | 'not_offer_owner'
      | 'not_payment_party'
      | 'not_shipped_to_country'
      | 'not_story_maker'
      | 'not_story_owner'
      | 'not_suspended'
      | 'nothing_to_refund'
      | 'notification_not_found'
      | 'offer_already_active'
      | 'offer_below_minimum'
      | 'offer_id_conflict'
      | 'offer_not_found'
      | 'offer_not_pending'
      | 'offer_not_withdrawable'
      | 'offer_policy_required'
      | 'order_not_awaiting_shipment'
      | 'order_not_cancellable'
      | 'order_not_delivered'
      | 'order_not_disputable'
      | 'order_not_found'
      | 'order_not_refundable'
      | 'order_not_shipped'
      | 'payload_too_large'
      | 'payment_not_found'
      | 'payment_window_closed'
      | 'payment_window_not_found'
      | 'payment_window_open'
      | 'payments_unavailable'
      | 'payout_account_not_found'
      | 'playback_token_expired'
      | 'playback_token_invalid'
      | 'probe_cancelled'
      | 'provider_not_configured'
      | 'provider_unavailable'
      | 'push_endpoint_taken'
      | 'range_not_satisfiable'
      | 'rate_limited'
      | 'receipt_link_expired'
      | 'recipient_unavailable'
      | 'refresh_token_reused'
      | 'refund_exceeds_payment'
      | 'refund_failed'
      | 'report_already_resolved'
      | 'report_not_found'
      | 'resolution_too_large'
      | 'review_already_removed'
      | 'review_not_found'
      | 'review_window_closed'
      | 'service_unavailable'
      | 'session_ended'
      | 'shipping_country_required'
      | 'shipping_required'
      | 'sign_in_locked'
      | 'storage_key_invalid'
      | 'storage_object_not_found'
      | 'storage_prefix_invalid'
      | 'storage_range_invalid'
      | 'storage_range_not_satisfiable'
      | 'storage_unavailable'
      | 'story_changed'
      | 'story_media_not_found'
      | 'story_moderated'
      | 'story_not_found'
      | 'story_not_published'
      | 'story_reserved'
      | 'story_sold'
      | 'token_expired'
      | 'too_large'
      | 'too_long'
      | 'too_many_codes'
      | 'too_many_payment_windows'
      | 'totp_already_enabled'
      | 'totp_not_enrolled'
      | 'totp_required'
      | 'transcode_cancelled'
      | 'transcode_failed'
      | 'transcode_output_dir_invalid'
      | 'transcode_output_dir_not_empty'
      | 'transcode_timed_out'
      | 'trim_invalid'
      | 'truncated'
      | 'undecodable'
      | 'unsupported_currency'
      | 'unsupported_media_type'
      | 'upload_empty'
      | 'upload_failed'
      | 'upload_finished'
      | 'upload_forbidden'
      | 'upload_length_invalid'
      | 'upload_length_required'
      | 'upload_metadata_invalid'
      | 'upload_not_found'
      | 'upload_too_large'
      | 'user_not_found'
      | 'username_taken'
      | 'validation_failed'
      | 'web_push_not_configured';
    ErrorBody: {
      error: {
        code: components['schemas']['ErrorCode'];
        message: string;
        details?: unknown;
      };
    };
    Notification: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind:
        | 'offer_received'
        | 'offer_declined'
        | 'auction_started'
        | 'bid_placed'
        | 'outbid'
        | 'ending_soon'
        | 'won'
        | 'lost'
        | 'reserve_not_met'
        | 'payment_reminder'
        | 'payment_received'
        | 'payment_expired'
        | 'second_chance_offer'
        | 'shipped'
        | 'delivered'
        | 'order_completed'
        | 'shipping_reminder'
        | 'shipping_overdue'
        | 'refunded'
        | 'moderation_outcome'
        | 'payout_released'
        | 'watched_auction_started'
        | 'watched_ending_soon'
        | 'watched_auction_ended'
        | 'new_story'
        | 'message'
        | 'review_received'
        | 'review_reply';
      title: string;
      body: string;
      data: {
        [key: string]: unknown;
      };
      link: string | null;
      createdAt: string;
      readAt: string | null;
    };
    NotificationPreferences: {
      items: {
        /** @enum {string} */
        kind:
          | 'offer_received'
          | 'offer_declined'
          | 'auction_started'
          | 'bid_placed'
          | 'outbid'
          | 'ending_soon'
          | 'won'
          | 'lost'
          | 'reserve_not_met'
          | 'payment_reminder'
          | 'payment_received'
          | 'payment_expired'
          | 'second_chance_offer'
          | 'shipped'
          | 'delivered'
          | 'order_completed'
          | 'shipping_reminder'
          | 'shipping_overdue'
          | 'refunded'
          | 'moderation_outcome'
          | 'payout_released'
          | 'watched_auction_started'
          | 'watched_ending_soon'
          | 'watched_auction_ended'
          | 'new_story'
          | 'message'
          | 'review_received'
          | 'review_reply';
        /**
         * @description in-app is always on and not listed
         * @enum {string}
         */
        channel: 'email' | 'web_push' | 'sms' | 'mobile_push';
        enabled: boolean;
        /** @description same as the product default */
        isDefault: boolean;
      }[];
    };
    ModerationReport: {
      id: string;
      /** @enum {string} */
      targetType: 'story' | 'user';
      targetId: string;
      targetLabel: string | null;
      reason: string;
      /** @enum {string} */
      status: 'open' | 'actioned' | 'dismissed';
      reporterId: string | null;
      createdAt: string;
      resolvedAt: string | null;
      resolvedBy: string | null;
      resolutionNote: string | null;
    };
    TakenDownStory: {
      storyId: string;
      status: string;
      moderated: boolean;
      changed: boolean;
    };
    AuditEntry: {
      id: string;
      actorId: string;
      actorName: string | null;
      action: string;
      targetType: string;
      targetId: string;
      reason: string | null;
      details: {
        [key: string]: unknown;
      } | null;
      createdAt: string;
    };
    ClientAnalyticsEvent: {
      /** @enum {string} */
      type: 'feed_impression' | 'play' | 'watch_through' | 'story_view' | 'like' | 'playback_error';
      /** Format: uuid */
      storyId?: string;
      /** Format: uuid */
      mediaId?: string;
      positionMs?: number;
      durationMs?: number;
      feedPosition?: number;
      /** @enum {string} */
      cause?: 'token_refused' | 'not_found' | 'network' | 'media' | 'unsupported' | 'other';
      /** Format: date-time */
      clientTime?: string;
    };
    AnalyticsBatchAccepted: {
      /** @description events stored */
      accepted: number;
      /** @description events naming a story that does not exist (not stored) */
      dropped: number;
    };
    ExportedAnalyticsEvent: {
      id: number;
      /** @enum {string} */
      type:
        | 'feed_impression'
        | 'play'
        | 'watch_through'
        | 'story_view'
        | 'like'
        | 'playback_error'
        | 'offer'
        | 'bid'
        | 'payment';
      /** @enum {string} */
      source: 'client' | 'server';
      occurredAt: string;
      clientTime: string | null;
      userId: string | null;
      anonymousId: string | null;
      storyId: string | null;
      makerId: string | null;
      mediaId: string | null;
      auctionId: string | null;
      positionMs: number | null;
      durationMs: number | null;
      feedPosition: number | null;
      cause: ('token_refused' | 'not_found' | 'network' | 'media' | 'unsupported' | 'other') | null;
      amountMinor: number | null;
      currency: string | null;
    };
    MakerDashboard: {
      activeListings: {
        storyId: string;
        title: string;
        publishedAt: string | null;
        auction: {
          state: string;
          highBidMinor: number | null;
          currency: string;
          endsAt: string;
          reserveMet: boolean;
          bidCount: number;
        } | null;
        views: number;
        likes: number;
      }[];
      funnel: {
        views: number;
        offers: number;
        bids: number;
      };
      revenueByDay: {
        day: string;
        amountMinor: number;
        currency: string;
      }[];
      toShip: number;
      overdue: number;
      period: {
        from: string;
        to: string;
      };
      generatedAt: string;
    };
    Auction: {
      id: string;
      storyId: string;
      /** @enum {string} */
      status: 'active' | 'ended' | 'awaiting_payment' | 'paid' | 'cancelled' | 'lapsed' | 'payment_expired';
      currency: string;
      highBidMinor: number | null;
      /** @description null once the auction no longer takes bids */
      minNextBidMinor: number | null;
      /** @description the leading bidder's user id (opaque; no personal data) */
      leaderId: string | null;
      /** @description per-auction pseudonym shown instead of a name, e.g. "Bidder 2" */
      leaderAlias: string | null;
      reserveMet: boolean;
      hasReserve: boolean;
      startsAt: string;
      endsAt: string;
      endedAt: string | null;
      winnerId: string | null;
      winningAmountMinor: number | null;
      bidCount: number;
      makerDecisionDeadline: string | null;
      paymentDueAt: string | null;
      /** @description the caller's own proxy maximum (only theirs) */
      myMaxAmountMinor: number | null;
      /** @description the caller leads */
      isLeading: boolean;
      /** @description to the maker only: the decisions the server takes on this auction now (empty for anyone else) */
      makerActions: ('accept' | 'second_chance' | 'relist')[];
      /** @description bumped on every change; live messages carry it too */
      version: number;
      serverTime: string;
    };
    Bid: {
      id: string;
      bidderId: string;
      bidderAlias: string;
      amountMinor: number;
      /** @enum {string} */
      kind: 'opening' | 'bid' | 'proxy';
      sequence: number;
      createdAt: string;
      voided: boolean;
      voidReason: ('fraud' | 'superseded') | null;
    };
    OwnBid: {
      id: string;
      auctionId: string;
      bidderId: string;
      amountMinor: number;
      /** @description private: only ever shown to the bidder */
      maxAmountMinor: number;
      /** @enum {string} */
      kind: 'opening' | 'bid' | 'proxy' | 'max_raise';
      sequence: number;
      createdAt: string;
    };
    Offer: {
      id: string;
      storyId: string;
      userId: string;
      amountMinor: number;
      currency: string;
      /** @enum {string} */
      status: 'pending' | 'opened_auction' | 'declined' | 'withdrawn' | 'superseded';
      auctionId: string | null;
      createdAt: string;
      decidedAt: string | null;
    };
    PaymentWindow: {
      id: string;
      auctionId: string | null;
      storyId: string;
      winnerId: string;
      /** @enum {string} */
      status: 'open' | 'paid' | 'expired' | 'cancelled';
      /** @enum {string} */
      reason: 'won' | 'maker_accepted' | 'second_chance' | 'buy_now';
      amountMinor: number;
      currency: string;
      /** @description the checkout takes a shipping address in this country */
      shippingCountry: string | null;
      /** @description shipping there, charged on top of amountMinor */
      shippingMinor: number;
      opensAt: string;
      expiresAt: string;
      /** @description hosted checkout; null until the payments module provides one */
      checkoutUrl: string | null;
    };
    BidActivity: {
      auctionId: string;
      storyId: string;
      title: string;
      /** @enum {string} */
      status: 'active' | 'ended' | 'awaiting_payment' | 'paid' | 'cancelled' | 'lapsed' | 'payment_expired';
      highBidMinor: number | null;
      currency: string;
      endsAt: string;
      myHighestBidMinor: number;
      /** @description private: the caller’s own maximum */
      myMaxMinor: number;
      /**
       * @description leading/outbid while the auction runs (or waits on the maker); won/lost once it has a result
       * @enum {string}
       */
      standing: 'leading' | 'outbid' | 'won' | 'lost';
      /** @description set on a win awaiting payment: pay at /auctions/{auctionId}/payment before then */
      paymentDueAt: string | null;
    };
    OfferActivity: {
      id: string;
      storyId: string;
      userId: string;
      amountMinor: number;
      currency: string;
      /** @enum {string} */
      status: 'pending' | 'opened_auction' | 'declined' | 'withdrawn' | 'superseded';
      auctionId: string | null;
      createdAt: string;
      decidedAt: string | null;
      title: string;
    };
    RecoveryCodes: {
      /** @description single-use codes that sign in in place of a TOTP code; shown only now, stored hashed */
      recoveryCodes: string[];
    };
    User: {
      /** Format: uuid */
      id: string;
      email: string | null;
      username: string;
      /** @description where the user receives purchases (ISO 3166-1 alpha-2) */
      country: string | null;
      /**
       * @description the language the account’s emails, texts and notifications are written in: en, pt (European Portuguese), es, fr or de; "en" while the person has not chosen one
       * @enum {string}
       */
      locale: 'en' | 'pt' | 'es' | 'fr' | 'de';
      roles: string[];
      status: string;
      totpEnabled: boolean;
      createdAt: string;
    };
    MakerProfile: {
      /** Format: uuid */
      userId: string;
      displayName: string;
      bio: string | null;
      city: string | null;
      country: string | null;
      avatarUrl: string | null;
      createdAt: string;
    };
    MakerShopProfile: {
      /** Format: uuid */
      userId: string;
      displayName: string;
      bio: string | null;
      city: string | null;
      country: string | null;
      avatarUrl: string | null;
      createdAt: string;
      followerCount: number;
      following?: boolean;
      rating: {
        average: number | null;
        count: number;
      };
      since: string;
    };
    Me: {
      /** Format: uuid */
      id: string;
      email: string | null;
      username: string;
      /** @description where the user receives purchases (ISO 3166-1 alpha-2) */
      country: string | null;
      /**
       * @description the language the account’s emails, texts and notifications are written in: en, pt (European Portuguese), es, fr or de; "en" while the person has not chosen one
       * @enum {string}
       */
      locale: 'en' | 'pt' | 'es' | 'fr' | 'de';
      roles: string[];
      status: string;
      totpEnabled: boolean;
      createdAt: string;
      phone: string | null;
      maker: components['schemas']['MakerProfile'] | null;
    };
    SignInResult:
      | {
          accessToken: string;
          refreshToken: string;
          expiresIn: number;
          user: components['schemas']['User'];
        }
      | {
          /** @constant */
          mfaRequired: true;
          mfaToken: string;
        };
    Media: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      ownerId: string;
      /** @enum {string} */
      kind: 'video' | 'image';
      /** @enum {string} */
      status: 'uploading' | 'processing' | 'ready' | 'failed';
      progress: number;
      error?: {
        code: string;
        message: string;
      };
      /** @description signed; valid PLAYBACK_TOKEN_SECONDS */
      posterUrl?: string;
      /** @description the poster 320 px wide, for small previews; signed like posterUrl */
      thumbUrl?: string;
      /** @description HLS master playlist, signed; fetch the media again to renew */
      playbackUrl?: string;
      imageUrl?: string;
      durationMs?: number;
      width?: number;
      height?: number;
      /** @description the version now playing */
      version?: number;
      /** @description owner only: a studio edit being processed (or failed) while the current version plays */
      edit?: {
        version: number;
        /** @enum {string} */
        status: 'processing' | 'failed';
        progress: number;
        error?: {
          code: string;
          message: string;
        };
      };
    };
    PayoutAccount: {
      accountId: string;
      /** @enum {string} */
      provider: 'stripe' | 'local';
      payoutsEnabled: boolean;
      chargesEnabled: boolean;
      detailsSubmitted: boolean;
    };
    ShippingAddress: {
      name: string;
      line1: string;
      line2: string | null;
      city: string;
      postalCode: string;
      country: string;
      state?: string | null;
    };
    Order: {
      id: string;
      /** @enum {string} */
      status: 'paid' | 'shipped' | 'delivered' | 'completed' | 'cancelled' | 'refunded' | 'disputed';
      windowId: string;
      auctionId: string | null;
      storyId: string;
      itemTitle: string;
      buyerId: string;
      makerId: string;
      /** @description everything the buyer paid: the piece plus shipping */
      amountMinor: number;
      /** @description the piece's price */
      itemMinor: number;
      /** @description the shipping part of amountMinor */
      shippingMinor: number;
      currency: string;
      refundedMinor: number;
      feeMinor?: number;
      payoutHeldReason?: string | null;
      /** @description Shown to the buyer and the maker only */
      shippingAddress: components['schemas']['ShippingAddress'] | null;
      carrier: string | null;
      trackingNumber: string | null;
      /** @description The carrier’s tracking page when the carrier and number are recognised; null otherwise */
      trackingUrl: string | null;
      /** @description ISO 8601 UTC */
      paidAt: string;
      /** @description ISO 8601 UTC */
      shippingDueAt: string;
      shippingOverdue: boolean;
      shippedAt: string | null;
      autoDeliverAt: string | null;
      deliveredAt: string | null;
      deliveredBy: ('buyer' | 'automatic') | null;
      completedAt: string | null;
      cancelledAt: string | null;
      refundedAt: string | null;
      disputedAt: string | null;
      disputeReason: string | null;
      /** @enum {string} */
      as: 'buyer' | 'maker' | 'admin';
      receiptUrl: string;
    };
    Refund: {
      id: string;
      amountMinor: number;
      /** @enum {string} */
      status: 'pending' | 'succeeded' | 'failed';
      reason: string;
      createdAt: string;
    };
    FollowState: {
      following: boolean;
      followerCount: number;
    };
    FollowedMaker: {
      userId: string;
      displayName: string;
      bio: string | null;
      city: string | null;
      country: string | null;
      avatarUrl: string | null;
      createdAt: string;
      followerCount: number;
      followedAt: string;
    };
    OfferPolicy: {
      minOfferMinor: number;
      currency: string;
      autoRejectBelowMin: boolean;
    };
    AuctionSummary: {
      auctionId: string;
      state: string;
      highBidMinor: number | null;
      currency: string;
      reserveMet: boolean;
      endsAt: string;
      minNextBidMinor: number | null;
    };
    ShippingPolicy: {
      fromCountry: string;
      options: {
        /** @description "domestic", "international" or an ISO 3166-1 alpha-2 country */
        region: string;
        amountMinor: number;
        dispatchDays: number;
      }[];
    };
    StoryMaker: {
      id: string;
      displayName: string;
      avatarUrl: string | null;
    };
    StoryCard: {
      id: string;
      title: string;
      /** @enum {string} */
      category:
        'ceramics' | 'woodwork' | 'textiles' | 'jewelry' | 'glass' | 'leather' | 'metalwork' | 'paper' | 'other';
      /** @enum {string} */
      status: 'draft' | 'published' | 'archived';
      maker: components['schemas']['StoryMaker'];
      heroMediaId: string | null;
      posterUrl: string | null;
      playbackUrl: string | null;
      auction: components['schemas']['AuctionSummary'] | null;
      likeCount: number;
      likedByMe: boolean;
      viewCount: number;
      offerPolicy: components['schemas']['OfferPolicy'] | null;
      buyNowMinor: number | null;
      publishedAt: string | null;
    };
    Story: {
      id: string;
      makerId: string;
      maker: components['schemas']['StoryMaker'];
      title: string;
      description: string;
      /** @enum {string} */
      category:
        'ceramics' | 'woodwork' | 'textiles' | 'jewelry' | 'glass' | 'leather' | 'metalwork' | 'paper' | 'other';
      /** @enum {string} */
      status: 'draft' | 'published' | 'archived';
      heroMediaId: string | null;
      hero: {
        mediaId: string;
        kind: ('video' | 'image') | null;
        playbackUrl: string | null;
        posterUrl: string | null;
      } | null;
      gallery: {
        mediaId: string;
        kind: ('video' | 'image') | null;
        playbackUrl: string | null;
        posterUrl: string | null;
      }[];
      processSteps: {
        title: string;
        body: string;
        mediaId: string | null;
        media: {
          mediaId: string;
          kind: ('video' | 'image') | null;
          playbackUrl: string | null;
          posterUrl: string | null;
        } | null;
      }[];
      materials: string[];
      notes: string;
      location: {
        city: string;
        country: string;
        lat: number | null;
        lng: number | null;
      } | null;
      offerPolicy: components['schemas']['OfferPolicy'] | null;
      reserveMinor?: number | null;
      buyNowMinor: number | null;
      shipping: components['schemas']['ShippingPolicy'] | null;
      shippingQuote?: {
        amountMinor: number;
        currency: string;
        dispatchDays: number;
      } | null;
      auction: components['schemas']['AuctionSummary'] | null;
      likeCount: number;
      likedByMe: boolean;
      viewCount: number;
      moderated: boolean;
      publishedAt: string | null;
      createdAt: string;
      updatedAt: string;
    };
    LikeState: {
      liked: boolean;
      likeCount: number;
    };
    Report: {
      id: string;
      /** @enum {string} */
      targetType: 'story' | 'user';
      targetId: string;
      reason: string;
      /** @enum {string} */
      status: 'open' | 'actioned' | 'dismissed';
      createdAt: string;
      resolvedAt: string | null;
    };
    StorySearchPage: {
      items: components['schemas']['StoryCard'][];
      nextCursor: string | null;
      facets: {
        category: {
          [key: string]: number;
        };
      };
    };
    MakerSearchItem: {
      id: string;
      displayName: string;
      city: string | null;
      country: string | null;
      avatarUrl: string | null;
      followerCount: number;
    };
    MakerSearchPage: {
      items: components['schemas']['MakerSearchItem'][];
      nextCursor: string | null;
    };
    WatchState: {
      watching: boolean;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "status": "ok"
           *     }
           */
          'application/json': {
            /** @enum {string} */
            status: 'ok';
          };
        };
      };
    };
  };
  getReady: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'ready';
            checks?: {
              [key: string]: string;
            };
          };
        };
      };
      /** @description Default Response */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'not_ready';
            checks?: {
              [key: string]: string;
            };
          };
        };
      };
    };
  };
  getMetrics: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  getEnvironment: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "demo": true
           *     }
           */
          'application/json': {
            demo: boolean;
          };
        };
      };
    };
  };
  getDevMailbox: {
    parameters: {
      query: {
        to: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            messages: {
              to: string;
              channel: string;
              subject: string;
              text: string;
              sentAt: string;
            }[];
          };
        };
      };
    };
  };
  postAuthEmailStart: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "email": "you@example.com",
         *       "locale": "pt"
         *     }
         */
        'application/json': {
          /** Format: email */
          email: string;
          /**
           * @description the language to write the code in, and to give the account if this code creates it: en, pt, es, fr or de; without it, the existing account’s language, else the request’s Accept-Language, else English
           * @enum {string}
           */
          locale?: 'en' | 'pt' | 'es' | 'fr' | 'de';
        };
      };
    };
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "status": "sent"
           *     }
           */
          'application/json': {
            /** @enum {string} */
            status: 'sent';
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAuthEmailVerify: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "email": "you@example.com",
         *       "code": "123456"
         *     }
         */
        'application/json': {
          /** Format: email */
          email: string;
          code: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignInResult'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAuthSmsStart: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "phone": "+14155550123",
         *       "locale": "en"
         *     }
         */
        'application/json': {
          phone: string;
          /**
           * @description the language to write the code in, and to give the account if this code creates it: en, pt, es, fr or de; without it, the existing account’s language, else the request’s Accept-Language, else English
           * @enum {string}
           */
          locale?: 'en' | 'pt' | 'es' | 'fr' | 'de';
        };
      };
    };
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "status": "sent"
           *     }
           */
          'application/json': {
            /** @enum {string} */
            status: 'sent';
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAuthSmsVerify: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "phone": "+14155550123",
         *       "code": "123456"
         *     }
         */
        'application/json': {
          phone: string;
          code: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignInResult'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAuthFederatedNonce: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "provider": "google"
         *     }
         */
        'application/json': {
          /** @enum {string} */
          provider: 'google' | 'apple';
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            nonce: string;
            expiresAt: string;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAuthGoogle: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "idToken": "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl",
         *       "nonce": "n-0123456789abcdef"
         *     }
         */
        'application/json': {
          idToken: string;
          nonce: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignInResult'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAuthApple: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "idToken": "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl",
         *       "nonce": "n-0123456789abcdef"
         *     }
         */
        'application/json': {
          idToken: string;
          nonce: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignInResult'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getAuthProviders: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "email": true,
           *       "sms": false,
           *       "google": false,
           *       "apple": false
           *     }
           */
          'application/json': {
            email: boolean;
            sms: boolean;
            google: boolean;
            apple: boolean;
          };
        };
      };
    };
  };
  postAuthTotpVerify: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "mfaToken": "mfa_7d1e9c3b5a",
         *       "code": "123456"
         *     }
         */
        'application/json':
          | {
              mfaToken: string;
              code: string;
            }
          | {
              mfaToken: string;
              recoveryCode: string;
            };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            accessToken: string;
            refreshToken: string;
            expiresIn: number;
            user: components['schemas']['User'];
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAuthTotpEnroll: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            secret: string;
            otpauthUrl: string;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAuthTotpConfirm: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "code": "123456"
         *     }
         */
        'application/json': {
          code: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecoveryCodes'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAuthTotpRecoveryCodes: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "code": "123456"
         *     }
         */
        'application/json': {
          code: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecoveryCodes'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAuthRefresh: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "refreshToken": "rt_4f9a2c7e1b3d5f7a9c1e3b5d7f9a2c4e"
         *     }
         */
        'application/json': {
          refreshToken: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            accessToken: string;
            refreshToken: string;
            expiresIn: number;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAuthSignOut: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAuthSignOutEverywhere: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "0b6f3c1e-8a52-4d8e-9c1f-2f4a7d9e6b10",
           *       "email": "you@example.com",
           *       "username": "clay_and_kiln",
           *       "country": "PT",
           *       "locale": "pt",
           *       "roles": [
           *         "viewer"
           *       ],
           *       "status": "active",
           *       "totpEnabled": false,
           *       "createdAt": "2026-01-02T10:00:00.000Z",
           *       "phone": null,
           *       "maker": null
           *     }
           */
          'application/json': components['schemas']['Me'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deleteMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  patchMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "username": "clay_and_kiln",
         *       "country": "US",
         *       "locale": "pt"
         *     }
         */
        'application/json': {
          username?: string;
          /** @description where the user receives purchases: shipping prices are quoted for it */
          country?: (string | '') | null;
          /**
           * @description the language the account’s emails, texts and notifications are written in from now on
           * @enum {string}
           */
          locale?: 'en' | 'pt' | 'es' | 'fr' | 'de';
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['User'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getMeExport: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postMakers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "displayName": "Clay & Kiln",
         *       "bio": "Wood-fired stoneware from a small studio.",
         *       "city": "Asheville",
         *       "country": "US"
         *     }
         */
        'application/json': {
          displayName: string;
          bio?: string;
          city?: string;
          country?: string;
          legalName?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MakerProfile'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  patchMakersMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "bio": "Wood-fired stoneware, one kiln load a month.",
         *       "city": "Asheville"
         *     }
         */
        'application/json': {
          displayName?: string;
          bio?: string | null;
          city?: string | null;
          country?: (string | '') | null;
          avatarMediaId?: string | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MakerProfile'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getMakersById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MakerShopProfile'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAdminUsersByIdSuspend: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        /**
         * @example {
         *       "reason": "Repeated unpaid wins"
         *     }
         */
        'application/json': {
          reason?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['User'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAdminUsersByIdReinstate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        /**
         * @example {
         *       "reason": "Repeated unpaid wins"
         *     }
         */
        'application/json': {
          reason?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['User'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getWellKnownJwksJson: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  getNotifications: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Notification'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getNotificationsUnreadCount: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "unreadCount": 2
           *     }
           */
          'application/json': {
            unreadCount: number;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postNotificationsByIdRead: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            notification: components['schemas']['Notification'];
            unreadCount: number;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postNotificationsReadAll: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "marked": 4,
           *       "unreadCount": 0
           *     }
           */
          'application/json': {
            marked: number;
            unreadCount: number;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getNotificationsPreferences: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationPreferences'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  putNotificationsPreferences: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "items": [
         *         {
         *           "kind": "outbid",
         *           "channel": "web_push",
         *           "enabled": true
         *         },
         *         {
         *           "kind": "new_story",
         *           "channel": "email",
         *           "enabled": false
         *         }
         *       ]
         *     }
         */
        'application/json': {
          items: {
            /** @enum {string} */
            kind:
              | 'offer_received'
              | 'offer_declined'
              | 'auction_started'
              | 'bid_placed'
              | 'outbid'
              | 'ending_soon'
              | 'won'
              | 'lost'
              | 'reserve_not_met'
              | 'payment_reminder'
              | 'payment_received'
              | 'payment_expired'
              | 'second_chance_offer'
              | 'shipped'
              | 'delivered'
              | 'order_completed'
              | 'shipping_reminder'
              | 'shipping_overdue'
              | 'refunded'
              | 'moderation_outcome'
              | 'payout_released'
              | 'watched_auction_started'
              | 'watched_ending_soon'
              | 'watched_auction_ended'
              | 'new_story'
              | 'message'
              | 'review_received'
              | 'review_reply';
            /**
             * @description in-app is always on and not listed
             * @enum {string}
             */
            channel: 'email' | 'web_push' | 'sms' | 'mobile_push';
            enabled: boolean;
          }[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationPreferences'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getNotificationsWebPushPublicKey: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description VAPID application server key (base64url) */
            publicKey: string;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postNotificationsWebPushSubscriptions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "endpoint": "https://fcm.googleapis.com/fcm/send/dXJ1c2VyLWVuZHBvaW50",
         *       "expirationTime": null,
         *       "keys": {
         *         "p256dh": "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
         *         "auth": "tBHItJI5svbpez7KI4CCXg"
         *       }
         *     }
         */
        'application/json': {
          /** Format: uri */
          endpoint: string;
          expirationTime?: number | null;
          keys: {
            p256dh: string;
            auth: string;
          };
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            endpoint: string;
            createdAt: string;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deleteNotificationsWebPushSubscriptions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "endpoint": "https://fcm.googleapis.com/fcm/send/dXJ1c2VyLWVuZHBvaW50"
         *     }
         */
        'application/json': {
          /** Format: uri */
          endpoint: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postNotificationsMobilePushTokens: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "platform": "android",
         *       "token": "fcm-token-0123456789abcdefghij"
         *     }
         */
        'application/json': {
          /** @enum {string} */
          platform: 'ios' | 'android';
          token: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            platform: 'ios' | 'android';
            createdAt: string;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deleteNotificationsMobilePushTokens: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "token": "fcm-token-0123456789abcdefghij"
         *     }
         */
        'application/json': {
          token: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postUploads: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  deleteUploadsByMediaId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        mediaId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  headUploadsByMediaId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        mediaId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  patchUploadsByMediaId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        mediaId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  getMediaByMediaId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        mediaId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Media'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deleteMediaByMediaId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        mediaId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postMediaByMediaIdEdits: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        mediaId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "trimStartMs": 1200,
         *       "trimEndMs": 31500,
         *       "captions": [
         *         {
         *           "startMs": 1200,
         *           "endMs": 4800,
         *           "text": "Centring the clay on the wheel"
         *         }
         *       ]
         *     }
         */
        'application/json': {
          trimStartMs?: number;
          /** @description null removes the end trim */
          trimEndMs?: number | null;
          /** @description on the trimmed timeline; [] removes the captions */
          captions?: {
            startMs: number;
            endMs: number;
            text: string;
          }[];
          /** @description captions as a WebVTT file, instead of `captions` */
          webvtt?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Media'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getPlayByTokenByMediaIdRest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        token: string;
        mediaId: string;
        '*': string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getPlaybackCookies: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "expiresAt": 1767225600
           *     }
           */
          'application/json': {
            expiresAt: number;
          };
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postStories: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "title": "Wood-fired moon jar",
         *       "description": "Thrown in two halves and joined, fired for three days.",
         *       "category": "ceramics",
         *       "heroMediaId": "0b7e4c91-3d2a-4e5f-9a8b-7c6d5e4f3a21",
         *       "materials": [
         *         "stoneware",
         *         "ash glaze"
         *       ],
         *       "offerPolicy": {
         *         "minOfferMinor": 12000,
         *         "currency": "USD"
         *       },
         *       "shipping": {
         *         "fromCountry": "US",
         *         "options": [
         *           {
         *             "region": "domestic",
         *             "amountMinor": 1800,
         *             "dispatchDays": 3
         *           },
         *           {
         *             "region": "international",
         *             "amountMinor": 6500,
         *             "dispatchDays": 5
         *           }
         *         ]
         *       }
         *     }
         */
        'application/json': {
          title: string;
          description?: string;
          /** @enum {string} */
          category?:
            'ceramics' | 'woodwork' | 'textiles' | 'jewelry' | 'glass' | 'leather' | 'metalwork' | 'paper' | 'other';
          heroMediaId?: string | null;
          gallery?: string[];
          processSteps?: {
            title: string;
            /** @default  */
            body?: string;
            mediaId?: string | null;
          }[];
          materials?: string[];
          notes?: string;
          location?: {
            city: string;
            country: string;
            lat?: number;
            lng?: number;
          } | null;
          offerPolicy?: {
            minOfferMinor: number;
            /** @default USD */
            currency?: string;
            /** @default true */
            autoRejectBelowMin?: boolean;
          } | null;
          reserveMinor?: number | null;
          buyNowMinor?: number | null;
          shipping?: {
            fromCountry: string;
            options: {
              /** @description "domestic", "international" or an ISO 3166-1 alpha-2 country */
              region: string;
              amountMinor: number;
              dispatchDays: number;
            }[];
          } | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Story'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getStoriesById: {
    parameters: {
      query?: {
        /** @description the viewer's country: adds shippingQuote */
        country?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Story'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deleteStoriesById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  patchStoriesById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "title": "Wood-fired moon jar, 40 cm",
         *       "buyNowMinor": 48000
         *     }
         */
        'application/json': {
          title?: string;
          description?: string;
          /** @enum {string} */
          category?:
            'ceramics' | 'woodwork' | 'textiles' | 'jewelry' | 'glass' | 'leather' | 'metalwork' | 'paper' | 'other';
          heroMediaId?: string | null;
          gallery?: string[];
          processSteps?: {
            title: string;
            /** @default  */
            body?: string;
            mediaId?: string | null;
          }[];
          materials?: string[];
          notes?: string;
          location?: {
            city: string;
            country: string;
            lat?: number;
            lng?: number;
          } | null;
          offerPolicy?: {
            minOfferMinor: number;
            /** @default USD */
            currency?: string;
            /** @default true */
            autoRejectBelowMin?: boolean;
          } | null;
          reserveMinor?: number | null;
          buyNowMinor?: number | null;
          shipping?: {
            fromCountry: string;
            options: {
              /** @description "domestic", "international" or an ISO 3166-1 alpha-2 country */
              region: string;
              amountMinor: number;
              dispatchDays: number;
            }[];
          } | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Story'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postStoriesByIdPublish: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Story'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postStoriesByIdUnpublish: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Story'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postStoriesByIdArchive: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Story'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getMakersByIdStories: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
        status?: 'draft' | 'published' | 'archived' | 'all';
        /** @description true: only pieces that were sold (paid for); false: only those still for sale */
        sold?: 'true' | 'false';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['StoryCard'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getFeed: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
        category?:
          'ceramics' | 'woodwork' | 'textiles' | 'jewelry' | 'glass' | 'leather' | 'metalwork' | 'paper' | 'other';
        /** @description true: only stories of the makers the caller follows (signed in only) */
        following?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['StoryCard'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  putStoriesByIdLike: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "liked": true,
           *       "likeCount": 18
           *     }
           */
          'application/json': components['schemas']['LikeState'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deleteStoriesByIdLike: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "liked": true,
           *       "likeCount": 18
           *     }
           */
          'application/json': components['schemas']['LikeState'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postStoriesByIdViews: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        /**
         * @example {
         *       "clientId": "c0ffee00-4a1b-4c2d-9e8f-0123456789ab"
         *     }
         */
        'application/json': {
          clientId?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "counted": true,
           *       "viewCount": 311
           *     }
           */
          'application/json': {
            counted: boolean;
            viewCount: number;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postReports: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "targetType": "story",
         *       "targetId": "6f1d3c2a-9b8e-4f7a-8c1d-2e3f4a5b6c7d",
         *       "reason": "The video shows a different piece from the photos."
         *     }
         */
        'application/json': {
          /** @enum {string} */
          targetType: 'story' | 'user';
          /** Format: uuid */
          targetId: string;
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Report'];
        };
      };
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Report'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAdminStoriesByIdUnpublish: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        /**
         * @example {
         *       "reason": "Counterfeit of a known designer piece"
         *     }
         */
        'application/json': {
          reason?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Story'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getSearch: {
    parameters: {
      query?: {
        q?: string;
        category?:
          'ceramics' | 'woodwork' | 'textiles' | 'jewelry' | 'glass' | 'leather' | 'metalwork' | 'paper' | 'other';
        mode?: 'auction' | 'buy_now' | 'offers';
        minPriceMinor?: number;
        maxPriceMinor?: number;
        country?: string;
        sort?: 'relevance' | 'ending_soon' | 'newest' | 'price_asc' | 'price_desc';
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StorySearchPage'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getSearchMakers: {
    parameters: {
      query: {
        q: string;
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MakerSearchPage'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getStoriesByIdOffers: {
    parameters: {
      query?: {
        status?: 'pending' | 'opened_auction' | 'declined' | 'withdrawn' | 'superseded';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Offer'][];
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postStoriesByIdOffers: {
    parameters: {
      query?: never;
      header?: {
        /** @description 8–128 characters; retrying with the same key and body returns the first answer, another body 422 */
        'idempotency-key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "amountMinor": 15000,
         *       "currency": "USD",
         *       "shippingCountry": "US"
         *     }
         */
        'application/json': {
          /** @description integer minor units */
          amountMinor: number;
          currency?: string;
          /** @description where the piece would ship (ISO 3166-1 alpha-2); without it, the account's country */
          shippingCountry?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            offer: components['schemas']['Offer'];
            auction: components['schemas']['Auction'] | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postOffersByIdAccept: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            offer: components['schemas']['Offer'];
            auction: components['schemas']['Auction'] | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postOffersByIdDecline: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            offer: components['schemas']['Offer'];
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postOffersByIdWithdraw: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            offer: components['schemas']['Offer'];
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getAuctionsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Auction'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getStoriesByIdAuction: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Auction'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getAuctionsByIdBids: {
    parameters: {
      query?: {
        afterSequence?: number;
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Bid'][];
            nextAfterSequence: number | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAuctionsByIdBids: {
    parameters: {
      query?: never;
      header?: {
        /** @description 8–128 characters; retrying with the same key and body returns the first answer, another body 422 */
        'idempotency-key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "amountMinor": 16000,
         *       "maxAmountMinor": 22000,
         *       "shippingCountry": "US"
         *     }
         */
        'application/json': {
          /** @description integer minor units */
          amountMinor: number;
          /** @description integer minor units */
          maxAmountMinor?: number;
          /** @description where the piece would ship (ISO 3166-1 alpha-2); without it, the account's country */
          shippingCountry?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            bid: components['schemas']['OwnBid'];
            auction: components['schemas']['Auction'];
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAuctionsByIdAccept: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Auction'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAuctionsByIdSecondChance: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Auction'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAuctionsByIdRelist: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Auction'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postStoriesByIdBuy: {
    parameters: {
      query?: never;
      header?: {
        /** @description 8–128 characters; retrying with the same key and body returns the first answer, another body 422 */
        'idempotency-key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        /**
         * @example {
         *       "shippingCountry": "US"
         *     }
         */
        'application/json': {
          /** @description where the piece would ship (ISO 3166-1 alpha-2); without it, the account's country */
          shippingCountry?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            paymentWindow: components['schemas']['PaymentWindow'];
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getAuctionsByIdPayment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PaymentWindow'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getPaymentWindowsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PaymentWindow'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getMeBids: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['BidActivity'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getMeOffers: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['OfferActivity'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAdminAuctionsByIdBidsByBidIdVoid: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        bidId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "reason": "Bidder account linked to the maker"
         *     }
         */
        'application/json': {
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Auction'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postPaymentsStripeWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "received": true,
           *       "outcome": "applied"
           *     }
           */
          'application/json': {
            /** @enum {boolean} */
            received: true;
            /** @enum {string} */
            outcome: 'received' | 'applied' | 'deferred' | 'ignored' | 'duplicate';
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postPaymentsConnectOnboarding: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            url: string;
            account: components['schemas']['PayoutAccount'];
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getPaymentsConnectAccount: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PayoutAccount'] | null;
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getPaymentsLocalBySessionId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An HTML page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': string;
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getPaymentsLocalBySessionIdReceipt: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An HTML page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': string;
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postPaymentsLocalBySessionIdComplete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "outcome": "succeeded",
         *       "shipping": {
         *         "name": "Ada Buyer",
         *         "line1": "1 Main Street",
         *         "city": "Springfield",
         *         "postalCode": "62701",
         *         "country": "US"
         *       }
         *     }
         */
        'application/json': {
          /** @enum {string} */
          outcome: 'succeeded' | 'failed';
          shipping?: {
            name: string;
            line1: string;
            line2?: string | null;
            city: string;
            postalCode: string;
            country: string;
          };
          name?: string;
          line1?: string;
          line2?: string;
          city?: string;
          postalCode?: string;
          country?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'succeeded' | 'failed';
            windowId: string;
            orderId: string | null;
            receiptUrl: string;
          };
        };
      };
      /** @description Default Response */
      303: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getOrders: {
    parameters: {
      query?: {
        as?: 'buyer' | 'maker' | 'admin';
        status?: 'paid' | 'shipped' | 'delivered' | 'completed' | 'cancelled' | 'refunded' | 'disputed';
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Order'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getOrdersById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Order'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postOrdersByIdShipment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "carrier": "USPS",
         *       "trackingNumber": "9400111899223856923481"
         *     }
         */
        'application/json': {
          carrier: string;
          trackingNumber: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Order'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postOrdersByIdDeliveryConfirmation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Order'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postOrdersByIdDispute: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "reason": "The bowl arrived cracked along the rim."
         *     }
         */
        'application/json': {
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Order'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postOrdersByIdCancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        /**
         * @example {
         *       "reason": "The piece broke in the final firing."
         *     }
         */
        'application/json': {
          /** @default cancelled */
          reason?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            order: components['schemas']['Order'];
            refund: components['schemas']['Refund'] | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postOrdersByIdRefunds: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "amountMinor": 1500,
         *       "reason": "Shipping was slower than promised."
         *     }
         */
        'application/json': {
          /** @description Omitted: everything still refundable */
          amountMinor?: number;
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            refund: components['schemas']['Refund'];
            order: components['schemas']['Order'];
          };
        };
      };
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            refund: components['schemas']['Refund'];
            order: components['schemas']['Order'];
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getOrdersByIdReceipt: {
    parameters: {
      query?: {
        token?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An HTML page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': string;
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAnalyticsEvents: {
    parameters: {
      query?: never;
      header?: {
        /** @description the anonymous client's random id */
        'x-client-id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "events": [
         *         {
         *           "type": "feed_impression",
         *           "storyId": "6f1d3c2a-9b8e-4f7a-8c1d-2e3f4a5b6c7d",
         *           "feedPosition": 0,
         *           "durationMs": 2400,
         *           "clientTime": "2025-06-01T12:00:00Z"
         *         },
         *         {
         *           "type": "play",
         *           "storyId": "6f1d3c2a-9b8e-4f7a-8c1d-2e3f4a5b6c7d",
         *           "mediaId": "0b7e4c91-3d2a-4e5f-9a8b-7c6d5e4f3a21",
         *           "positionMs": 0
         *         }
         *       ]
         *     }
         */
        'application/json': {
          events: components['schemas']['ClientAnalyticsEventInput'][];
          /**
           * Format: uuid
           * @description the anonymous client's random id
           */
          clientId?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "accepted": 2,
           *       "dropped": 0
           *     }
           */
          'application/json': components['schemas']['AnalyticsBatchAccepted'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getMakersMeDashboard: {
    parameters: {
      query?: {
        /** @description length of the funnel and revenue period */
        days?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MakerDashboard'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getAdminAnalyticsExport: {
    parameters: {
      query: {
        /** @description inclusive; an ISO 8601 time, or a date meaning its UTC midnight */
        from: string;
        /** @description exclusive; an ISO 8601 time, or a date meaning its UTC midnight */
        to: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One JSON event per line */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/x-ndjson': components['schemas']['ExportedAnalyticsEvent'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getAdminReports: {
    parameters: {
      query?: {
        status?: 'open' | 'actioned' | 'dismissed';
        targetType?: 'story' | 'user';
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['ModerationReport'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAdminReportsByIdResolve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "outcome": "actioned",
         *       "note": "Story archived: photos taken from another shop."
         *     }
         */
        'application/json': {
          /** @enum {string} */
          outcome: 'dismissed' | 'actioned';
          note?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModerationReport'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAdminStoriesByIdArchive: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        /**
         * @example {
         *       "reason": "Mass-produced piece presented as handmade"
         *     }
         */
        'application/json': {
          reason?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "storyId": "6f1d3c2a-9b8e-4f7a-8c1d-2e3f4a5b6c7d",
           *       "status": "archived",
           *       "moderated": true,
           *       "changed": true
           *     }
           */
          'application/json': components['schemas']['TakenDownStory'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getAdminAuditLog: {
    parameters: {
      query?: {
        actorId?: string;
        targetType?: string;
        targetId?: string;
        /** @description inclusive */
        from?: string;
        /** @description exclusive */
        to?: string;
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['AuditEntry'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  putStoriesByIdWatch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "watching": true
           *     }
           */
          'application/json': components['schemas']['WatchState'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deleteStoriesByIdWatch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "watching": true
           *     }
           */
          'application/json': components['schemas']['WatchState'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getMeWatchlist: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['StoryCard'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getMeWatching: {
    parameters: {
      query: {
        /** @description comma-separated story ids (1 to 50) */
        storyIds: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "storyIds": [
           *         "6f1d3c2a-9b8e-4f7a-8c1d-2e3f4a5b6c7d"
           *       ]
           *     }
           */
          'application/json': {
            /** @description those of the asked stories I watch */
            storyIds: string[];
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  putMakersByIdFollow: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "following": true,
           *       "followerCount": 42
           *     }
           */
          'application/json': components['schemas']['FollowState'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deleteMakersByIdFollow: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "following": true,
           *       "followerCount": 42
           *     }
           */
          'application/json': components['schemas']['FollowState'];
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getMeFollowing: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['FollowedMaker'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getConversations: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              /** Format: uuid */
              id: string;
              subject: {
                /** @enum {string} */
                type: 'story' | 'order';
                /** Format: uuid */
                id: string;
              };
              /** Format: uuid */
              storyId: string;
              title: string;
              otherParty: {
                /** Format: uuid */
                id: string;
                displayName: string;
                deleted: boolean;
              };
              lastMessage: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                conversationId: string;
                /** Format: uuid */
                senderId: string;
                text: string;
                createdAt: string;
                linksAllowed: boolean;
                senderDeleted: boolean;
              } | null;
              unreadCount: number;
              blocked: boolean;
              blockedByOther: boolean;
              lastActivityAt: string;
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postConversations: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "storyId": "6f1d3c2a-9b8e-4f7a-8c1d-2e3f4a5b6c7d",
         *       "text": "Hello! Could you ship to Canada?"
         *     }
         */
        'application/json': {
          /** Format: uuid */
          storyId?: string;
          /** Format: uuid */
          orderId?: string;
          /** @description 1 to 2000 characters of plain text */
          text?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            conversation: {
              /** Format: uuid */
              id: string;
              subject: {
                /** @enum {string} */
                type: 'story' | 'order';
                /** Format: uuid */
                id: string;
              };
              /** Format: uuid */
              storyId: string;
              title: string;
              otherParty: {
                /** Format: uuid */
                id: string;
                displayName: string;
                deleted: boolean;
              };
              lastMessage: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                conversationId: string;
                /** Format: uuid */
                senderId: string;
                text: string;
                createdAt: string;
                linksAllowed: boolean;
                senderDeleted: boolean;
              } | null;
              unreadCount: number;
              blocked: boolean;
              blockedByOther: boolean;
              lastActivityAt: string;
            };
            message: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              conversationId: string;
              /** Format: uuid */
              senderId: string;
              text: string;
              createdAt: string;
              linksAllowed: boolean;
              senderDeleted: boolean;
            } | null;
          };
        };
      };
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            conversation: {
              /** Format: uuid */
              id: string;
              subject: {
                /** @enum {string} */
                type: 'story' | 'order';
                /** Format: uuid */
                id: string;
              };
              /** Format: uuid */
              storyId: string;
              title: string;
              otherParty: {
                /** Format: uuid */
                id: string;
                displayName: string;
                deleted: boolean;
              };
              lastMessage: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                conversationId: string;
                /** Format: uuid */
                senderId: string;
                text: string;
                createdAt: string;
                linksAllowed: boolean;
                senderDeleted: boolean;
              } | null;
              unreadCount: number;
              blocked: boolean;
              blockedByOther: boolean;
              lastActivityAt: string;
            };
            message: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              conversationId: string;
              /** Format: uuid */
              senderId: string;
              text: string;
              createdAt: string;
              linksAllowed: boolean;
              senderDeleted: boolean;
            } | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getConversationsUnreadCount: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "unreadCount": 3
           *     }
           */
          'application/json': {
            unreadCount: number;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getConversationsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            subject: {
              /** @enum {string} */
              type: 'story' | 'order';
              /** Format: uuid */
              id: string;
            };
            /** Format: uuid */
            storyId: string;
            title: string;
            otherParty: {
              /** Format: uuid */
              id: string;
              displayName: string;
              deleted: boolean;
            };
            lastMessage: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              conversationId: string;
              /** Format: uuid */
              senderId: string;
              text: string;
              createdAt: string;
              linksAllowed: boolean;
              senderDeleted: boolean;
            } | null;
            unreadCount: number;
            blocked: boolean;
            blockedByOther: boolean;
            lastActivityAt: string;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getConversationsByIdMessages: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              conversationId: string;
              /** Format: uuid */
              senderId: string;
              text: string;
              createdAt: string;
              linksAllowed: boolean;
              senderDeleted: boolean;
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postConversationsByIdMessages: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "text": "Does the glaze hold up in a dishwasher?"
         *     }
         */
        'application/json': {
          /** @description 1 to 2000 characters of plain text */
          text: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            conversationId: string;
            /** Format: uuid */
            senderId: string;
            text: string;
            createdAt: string;
            linksAllowed: boolean;
            senderDeleted: boolean;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postConversationsByIdRead: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "unreadCount": 0
           *     }
           */
          'application/json': {
            unreadCount: number;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postMessagesByIdReport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "reason": "Asks me to pay outside the app."
         *     }
         */
        'application/json': {
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            messageId: string;
            createdAt: string;
          };
        };
      };
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            messageId: string;
            createdAt: string;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  putUsersByIdBlock: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "blocked": true
           *     }
           */
          'application/json': {
            blocked: boolean;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deleteUsersByIdBlock: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "blocked": true
           *     }
           */
          'application/json': {
            blocked: boolean;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getMeBlocks: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              user: {
                /** Format: uuid */
                id: string;
                displayName: string;
                deleted: boolean;
              };
              blockedAt: string;
            }[];
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getAdminMessageReports: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              /** Format: uuid */
              id: string;
              reason: string;
              createdAt: string;
              reporterId: string | null;
              message: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                conversationId: string;
                /** Format: uuid */
                senderId: string;
                text: string;
                createdAt: string;
                linksAllowed: boolean;
                senderDeleted: boolean;
              };
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getAdminConversationsById: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            subject: {
              /** @enum {string} */
              type: 'story' | 'order';
              /** Format: uuid */
              id: string;
            };
            title: string;
            parties: {
              /** Format: uuid */
              id: string;
              displayName: string;
              deleted: boolean;
            }[];
            reports: {
              /** Format: uuid */
              id: string;
              reason: string;
              createdAt: string;
              reporterId: string | null;
              /** Format: uuid */
              messageId: string;
            }[];
            messages: {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                conversationId: string;
                /** Format: uuid */
                senderId: string;
                text: string;
                createdAt: string;
                linksAllowed: boolean;
                senderDeleted: boolean;
              }[];
              nextCursor: string | null;
            };
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getOrdersByIdReview: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            review: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              makerId: string;
              rating: number;
              text: string | null;
              createdAt: string;
              buyer: {
                displayName: string;
                deleted: boolean;
              };
              reply?: {
                text: string;
                createdAt: string;
              };
            } | null;
            canReview: boolean;
            reviewableUntil: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postOrdersByIdReview: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "rating": 5,
         *       "text": "Beautifully packed and even better in person."
         *     }
         */
        'application/json': {
          /** @description 1 (poor) to 5 (excellent) */
          rating: number;
          /** @description 1 to 1000 characters of plain text */
          text?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            makerId: string;
            rating: number;
            text: string | null;
            createdAt: string;
            buyer: {
              displayName: string;
              deleted: boolean;
            };
            reply?: {
              text: string;
              createdAt: string;
            };
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getMakersByIdReviews: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              makerId: string;
              rating: number;
              text: string | null;
              createdAt: string;
              buyer: {
                displayName: string;
                deleted: boolean;
              };
              reply?: {
                text: string;
                createdAt: string;
              };
            }[];
            average: number | null;
            count: number;
            nextCursor: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postReviewsByIdReply: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "text": "Thank you, it was a joy to make."
         *     }
         */
        'application/json': {
          /** @description 1 to 1000 characters of plain text */
          text: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            makerId: string;
            rating: number;
            text: string | null;
            createdAt: string;
            buyer: {
              displayName: string;
              deleted: boolean;
            };
            reply?: {
              text: string;
              createdAt: string;
            };
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postReviewsByIdReport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "reason": "The review is about a different seller."
         *     }
         */
        'application/json': {
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            reviewId: string;
            createdAt: string;
          };
        };
      };
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            reviewId: string;
            createdAt: string;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getAdminReviewReports: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              /** Format: uuid */
              id: string;
              reason: string;
              createdAt: string;
              reporterId: string | null;
              review: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                makerId: string;
                rating: number;
                text: string | null;
                createdAt: string;
                buyer: {
                  displayName: string;
                  deleted: boolean;
                };
                reply?: {
                  text: string;
                  createdAt: string;
                };
              };
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAdminReviewsByIdRemove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "reason": "The review names the maker’s home address."
         *     }
         */
        'application/json': {
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            reviewId: string;
            reportsResolved: number;
            rating: {
              average: number | null;
              count: number;
            };
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAdminReviewsByIdDismissReports: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        /**
         * @example {
         *       "note": "Harsh but about the piece."
         *     }
         */
        'application/json': {
          note?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            reviewId: string;
            reportsResolved: number;
            rating: {
              average: number | null;
              count: number;
            };
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getSByStoryId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storyId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The app’s HTML page, with Open Graph and Twitter card tags when the link is live */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': string;
        };
      };
      /** @description The app’s HTML page, with Open Graph and Twitter card tags when the link is live */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': string;
        };
      };
    };
  };
  getMByMakerId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        makerId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The app’s HTML page, with Open Graph and Twitter card tags when the link is live */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': string;
        };
      };
      /** @description The app’s HTML page, with Open Graph and Twitter card tags when the link is live */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': string;
        };
      };
    };
  };
}
