export { ANCHOR_ORDERS, DIRECTIONS, LabelPlacer, RING_PX, createCandidate, type LabelCandidate, type Obstacle } from './placement';
export { LABEL_KINDS, isSubjectPriority, labelPriority, type LabelKind } from './priority';
export { CALLOUT_FULL_WITHIN_M, burstCalloutMode, damageCalloutMode, type CalloutMode, type CalloutMoment } from './calloutMode';
export { wrapText } from './wrapText';
