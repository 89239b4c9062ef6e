import type { RanWith, StudySettings, StudySubject } from '@/stores/analysis.ts';
import { shortLibrary } from '@/charts/tornado.ts';

// Small texts the sensitivity panes share.

/** "sot-mram-pim" from "SOT-MRAM PIM (2T2MTJ …)", for file names. */
export function fileSlug(name: string): string {
  return (
    shortLibrary(name)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'design'
  );
}

/** True when the settings chosen now are not the ones the shown answer was run with. */
export function settingsChanged(settings: StudySettings, shown: RanWith | null): boolean {
  if (!shown) return false;
  if (settings.metric !== shown.metric) return true;
  if (shown.useRanges !== undefined && settings.useRanges !== shown.useRanges) return true;
  // A tornado on library ranges moves the others by the services' fixed ±10 %: the percent field does not change it.
  return !shown.useRanges && Number(settings.percent) !== shown.percent;
}

/** "SOT-MRAM PIM on ResNet-18", "SOT-MRAM PIM ÷ FloatPIM on ResNet-18, batch 64". */
export function subjectText(s: StudySubject): string {
  const designs = s.vs ? `${shortLibrary(s.designName)} ÷ ${shortLibrary(s.vsName ?? s.vs)}` : shortLibrary(s.designName);
  return `${designs} on ${s.networkName}${s.batch ? `, batch ${s.batch}` : ''}`;
}
