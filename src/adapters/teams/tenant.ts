import type { Activity } from "botbuilder";

/** The Microsoft 365 tenant an activity comes from (channelData.tenant.id, else conversation.tenantId). */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const id = channelData?.tenant?.id ?? activity.conversation?.tenantId;
  return typeof id === "string" ? id : undefined;
}
