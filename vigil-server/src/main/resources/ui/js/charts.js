// The chart module pages import: hand-written SVG charts (no library, no CDN, CSP-safe: geometry
// and colours are SVG presentation attributes, never style attributes).
export { timeSeries, densify, bucketTimes } from './chart/timeseries.js';
export { bars } from './chart/bars.js';
export { histogram, logBins } from './chart/histogram.js';
export { scatter } from './chart/scatter.js';
export { PALETTE, MARKER_COLOR } from './chart/base.js';
