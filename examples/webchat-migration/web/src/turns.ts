export interface TurnSnapshot {
  conv_id: string;
  run_id: string;
  turn_id: string;
}

export interface PlanningRun {
  run_id: string;
  provider: string;
}

export async function fetchTurns(runId: string): Promise<TurnSnapshot[]> {
  const res = await fetch(`/turns?run_id=${encodeURIComponent(runId)}`);
  return (await res.json()).items as TurnSnapshot[];
}

export function planningLabel(run: PlanningRun): string {
  return `planning ${run.run_id} (${run.provider})`;
}
