// Loyalty members in the page: the session's member, the consent sheet, the member bar, member
// prices and personal suggestions (issue 6, loyalty and personalization).
export { MemberSession } from './MemberSession.js';
export { MemberBar } from './MemberBar.js';
export { ForYouRow } from './ForYouRow.js';
export { MemberRecommendations } from './MemberRecommendations.js';
export { MemberPrice } from './MemberPrice.js';
export { useMember, useMemberPricing, usePersonalization } from './member-context.js';
