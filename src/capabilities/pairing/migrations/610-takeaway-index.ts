/** Status summaries count a community's takeaways shared in a period: without this, every count read them all. */
export const pairingTakeawayIndex = {
  version: 610,
  name: 'pairing takeaway index',
  sql: 'CREATE INDEX pairing_takeaways_community ON pairing_takeaways (community_id, created_at);',
};
