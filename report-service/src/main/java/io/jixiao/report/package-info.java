/** report-service: the self-evaluation report assembled from events (DESIGN §3). Filled by its own issue. */
package io.jixiao.report;
