/** indicator-service: performance targets, outputs and scoring (DESIGN §3). Filled by its own issue. */
package io.jixiao.indicator;
