/**
 * The shapes screens work with: the server's own schemas (generated from its OpenAPI document into
 * @vw/api-client), under the names the screens use. Nothing here is written by hand: a shape the
 * server does not describe does not exist for the app.
 */
import type { paths, Schemas } from '@vw/api-client';

export type StoryCategory = Schemas['Story']['category'];
export type StoryStatus = Schemas['Story']['status'];
export type OfferPolicy = Schemas['OfferPolicy'];
export type AuctionSummary = Schemas['AuctionSummary'];
export type StoryMaker = Schemas['StoryMaker'];
/** A feed item (and a maker listing's item). */
export type StoryCard = Schemas['StoryCard'];
export type Story = Schemas['Story'];
export type MediaView = NonNullable<Story['hero']>;
/** What a maker writes (create and PATCH). */
export type StoryFields = NonNullable<paths['/v1/stories/{id}']['patch']['requestBody']>['content']['application/json'];
export type LikeState = Schemas['LikeState'];
export type Auction = Schemas['Auction'];
export type AuctionStatus = Auction['status'];
export type Bid = Schemas['Bid'];
export type Offer = Schemas['Offer'];
export type PaymentWindow = Schemas['PaymentWindow'];
export type Order = Schemas['Order'];
export type OrderStatus = Order['status'];
export type MediaItem = Schemas['Media'];
export type NotificationItem = Schemas['Notification'];
export type Dashboard = Schemas['MakerDashboard'];
export type DashboardListing = Dashboard['activeListings'][number];
export type Report = Schemas['ModerationReport'];
export type AuditEntry = Schemas['AuditEntry'];
