/** termshift/status: the workspace's count of legacy findings, for the client's status bar. */
import type { Connection } from 'vscode-languageserver/node';
import { StatusNotification, type StatusParams } from './protocol';
import type { FindingsStore } from './store';

const THROTTLE_MS = 100;

export class StatusReporter {
  private timer?: NodeJS.Timeout;
  private last = '';

  constructor(
    private readonly connection: Connection,
    private readonly store: FindingsStore,
    private readonly scanning: () => boolean,
  ) {
    store.onDidChange(() => this.update());
  }

  /** Sends at most one notification per THROTTLE_MS, and only when something changed. */
  update(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.sendNow();
    }, THROTTLE_MS);
  }

  sendNow(): void {
    const { findings, files } = this.store.legacyCount();
    const params: StatusParams = { legacy: findings, files, scanning: this.scanning() };
    const key = JSON.stringify(params);
    if (key === this.last) return;
    this.last = key;
    void this.connection.sendNotification(StatusNotification, params);
  }
}
