import { findAccountByProviderId, updateAccountStatus } from '../repo/sessions';
import { accountSchema } from './parse';
import { applied, ignored, type ApplyContext, type ApplyResult } from './result';

/**
 * A connected account's capabilities changed. The newest event wins (by its creation time), so
 * an older one delivered late cannot switch payouts back off.
 */
export async function applyAccountUpdated(
  ctx: ApplyContext,
  object: Record<string, unknown>,
  eventAt: Date,
): Promise<ApplyResult> {
  const parsed = accountSchema.safeParse(object);
  if (!parsed.success) return ignored('not an account');
  const account = await findAccountByProviderId(ctx.tx, parsed.data.id);
  if (!account) return ignored('not an account of this platform');
  if (account.lastEventAt && account.lastEventAt.getTime() > eventAt.getTime())
    return applied('older than the state held');
  const payoutsEnabled = parsed.data.payouts_enabled ?? false;
  await updateAccountStatus(
    ctx.tx,
    account.makerId,
    {
      payoutsEnabled,
      chargesEnabled: parsed.data.charges_enabled ?? false,
      detailsSubmitted: parsed.data.details_submitted ?? false,
      eventAt,
    },
    ctx.now,
  );
  if (payoutsEnabled && !account.payoutsEnabled) await ctx.deps.orders().payoutsEnabled(ctx.tx, account.makerId);
  ctx.publish({ channel: `user:${account.makerId}`, type: 'payout_account.updated', data: { payoutsEnabled } });
  return applied();
}
