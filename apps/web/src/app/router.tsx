import { lazy, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireAuth } from '../features/auth/require-auth';
import { loadHls } from '../shared/player/load-hls';
import { AppShell } from './layout/app-shell';
import { ScreenBoundary } from './layout/screen-boundary';
import { SharedLink } from './shared-link';

// Every screen is its own chunk: the first paint loads only the shell and the screen it opens.
const loadFeedScreen = () => import('../features/feed/feed-screen');
const FeedScreen = lazy(loadFeedScreen);
const StoryScreen = lazy(() => import('../features/story/story-screen'));
const SignInScreen = lazy(() => import('../features/auth/sign-in-screen'));
const FederatedCallbackScreen = lazy(() => import('../features/auth/federated-callback-screen'));
const StudioListScreen = lazy(() => import('../features/studio/studio-list-screen'));
const StudioScreen = lazy(() => import('../features/studio/studio-screen'));
const BecomeMakerScreen = lazy(() => import('../features/maker/become-maker-screen'));
const TotpEnrolScreen = lazy(() => import('../features/maker/totp-enrol-screen'));
const PaymentScreen = lazy(() => import('../features/payment/payment-screen'));
const OrdersScreen = lazy(() => import('../features/orders/orders-screen'));
const ActivityScreen = lazy(() => import('../features/activity/activity-screen'));
const WatchlistScreen = lazy(() => import('../features/watchlist/watchlist-screen'));
const OrderScreen = lazy(() => import('../features/orders/order-screen'));
const DashboardScreen = lazy(() => import('../features/dashboard/dashboard-screen'));
const NotificationsScreen = lazy(() => import('../features/notifications/notifications-screen'));
const AdminScreen = lazy(() => import('../features/admin/admin-screen'));
const AccountScreen = lazy(() => import('../features/account/account-screen'));
const NotificationSettingsScreen = lazy(() => import('../features/settings/notification-settings-screen'));
const PayoutsScreen = lazy(() => import('../features/payouts/payouts-screen'));
const MakerProfileScreen = lazy(() => import('../features/maker/maker-profile-screen'));
const FollowingScreen = lazy(() => import('../features/following/following-screen'));
const NotFoundScreen = lazy(() => import('../features/account/not-found-screen'));
const HelpScreen = lazy(() => import('../features/legal/help-screen'));
const TermsScreen = lazy(() => import('../features/legal/terms-screen'));
const PrivacyScreen = lazy(() => import('../features/legal/privacy-screen'));
const SearchScreen = lazy(() => import('../features/search/search-screen'));
const MessagesScreen = lazy(() => import('../features/messages/messages-screen'));
const ThreadScreen = lazy(() => import('../features/messages/thread-screen'));
const AdminConversationScreen = lazy(() => import('../features/admin/admin-conversation-screen'));

const signedIn = (screen: ReactNode, role?: 'maker' | 'admin') => <RequireAuth role={role}>{screen}</RequireAuth>;

/** Every screen in its own error boundary: one that fails shows "Try again", the app around it stays. */
const screens = (routes: { path: string; element: ReactNode }[]) =>
  routes.map(({ path, element }) => ({ path, element: <ScreenBoundary>{element}</ScreenBoundary> }));

/**
 * Opening the app on the feed: its screen and the player's library are fetched at once, beside
 * the shell, instead of one after the other as each is first rendered — the first frame is the
 * product's first impression.
 */
function preloadFeed(): void {
  if (window.location.pathname !== '/') return;
  void loadFeedScreen();
  if ('MediaSource' in window) void loadHls();
}

export function createRouter() {
  preloadFeed();
  return createBrowserRouter([
    {
      element: <AppShell />,
      children: screens([
        { path: '/', element: <FeedScreen /> },
        { path: '/stories/:storyId', element: <StoryScreen /> },
        { path: '/makers/:makerId', element: <MakerProfileScreen /> },
        { path: '/s/:storyId', element: <SharedLink to="stories" /> },
        { path: '/m/:makerId', element: <SharedLink to="makers" /> },
        { path: '/search', element: <SearchScreen /> },
        { path: '/sign-in', element: <SignInScreen /> },
        { path: '/auth/callback/:provider', element: <FederatedCallbackScreen /> },
        { path: '/studio', element: signedIn(<StudioListScreen />, 'maker') },
        { path: '/studio/payouts', element: signedIn(<PayoutsScreen />, 'maker') },
        { path: '/studio/:storyId', element: signedIn(<StudioScreen />, 'maker') },
        { path: '/become-maker', element: signedIn(<BecomeMakerScreen />) },
        { path: '/account/security', element: signedIn(<TotpEnrolScreen />) },
        { path: '/auctions/:auctionId/payment', element: signedIn(<PaymentScreen />) },
        { path: '/payments/:windowId', element: signedIn(<PaymentScreen />) },
        { path: '/orders', element: signedIn(<OrdersScreen />) },
        { path: '/activity', element: signedIn(<ActivityScreen />) },
        { path: '/watchlist', element: signedIn(<WatchlistScreen />) },
        { path: '/orders/:orderId', element: signedIn(<OrderScreen />) },
        { path: '/dashboard', element: signedIn(<DashboardScreen />, 'maker') },
        { path: '/notifications', element: signedIn(<NotificationsScreen />) },
        { path: '/messages', element: signedIn(<MessagesScreen />) },
        { path: '/messages/:conversationId', element: signedIn(<ThreadScreen />) },
        { path: '/settings/notifications', element: signedIn(<NotificationSettingsScreen />) },
        { path: '/admin', element: signedIn(<AdminScreen />, 'admin') },
        { path: '/admin/conversations/:conversationId', element: signedIn(<AdminConversationScreen />, 'admin') },
        { path: '/account', element: signedIn(<AccountScreen />) },
        { path: '/account/following', element: signedIn(<FollowingScreen />) },
        { path: '/help', element: <HelpScreen /> },
        { path: '/terms', element: <TermsScreen /> },
        { path: '/privacy', element: <PrivacyScreen /> },
        { path: '*', element: <NotFoundScreen /> },
      ]),
    },
  ]);
}
