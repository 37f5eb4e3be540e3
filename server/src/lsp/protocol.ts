/** termshift's own requests and notifications (the client declares the same names). */
import { NotificationType, RequestType0, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { ScanSummary } from './workspaceScan';

export interface StatusParams {
  /** Legacy findings in the workspace (open documents and scanned files). */
  legacy: number;
  files: number;
  scanning: boolean;
}

export interface ReportResult {
  folders: Array<{ uri: string; rules: 'builtin' | 'file' | 'untrusted'; rulesProblems: number }>;
  legacy: number;
  files: Array<{ uri: string; legacy: number; byCategory: Record<string, number> }>;
  byCategory: Record<string, number>;
}

export const StatusNotification = new NotificationType<StatusParams>('termshift/status');
export const DidGrantTrustNotification = new NotificationType<void>('termshift/didGrantTrust');
export const ScanWorkspaceRequest = new RequestType0<ScanSummary, void>('termshift/scanWorkspace');
export const FixAllInWorkspaceRequest = new RequestType0<WorkspaceEdit | null, void>('termshift/fixAllInWorkspace');
export const ReportRequest = new RequestType0<ReportResult, void>('termshift/report');
