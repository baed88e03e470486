package cards

// PromotionList lets the tests decode List Promotions' two shapes directly.
type PromotionList = promotionList
