import type { ReportDocxQuery, ReportTotalsQuery, TrackingQuery } from '@gcm/domain';
import { api } from './client';

export const listReportTemplates = () => api.reportTemplates.list();
export const listReportPeriods = (templateId: string) => api.reportTemplates.periods(templateId);
export const getTrackingMatrix = (templateId: string, periodKey: string, query: TrackingQuery) =>
  api.reportTracking.matrix(templateId, periodKey, query);
export const remindUnsubmitted = (templateId: string, periodKey: string) =>
  api.reportTracking.remind(templateId, periodKey);
export const getReportTotals = (
  templateId: string,
  periodKey: string,
  query: ReportTotalsQuery = {},
) => api.reportTracking.totals(templateId, periodKey, query);
export const xlsxExportPath = (templateId: string, periodKey: string) =>
  api.reportTracking.xlsxPath(templateId, periodKey);
export const docxExportPath = (templateId: string, periodKey: string, query: ReportDocxQuery) =>
  api.reportTracking.docxPath(templateId, periodKey, query);
