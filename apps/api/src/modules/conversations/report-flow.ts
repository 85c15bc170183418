import {
  afterAnswer,
  BotReply,
  checkBeforeSubmit,
  correctedFields,
  correctedReplies,
  editField,
  fieldListReplies,
  goBack,
  holdCorrection,
  Intent,
  needsLinkReplies,
  nothingCorrectedReplies,
  openReport,
  readReportButton,
  readReportText,
  reportListReplies,
  reportNoticeReplies,
  reportTexts,
  type BotLocale,
  resumeReplies,
  type ReportCursor,
  type ReportDraftView,
  staleAnswerReplies,
  submittedReplies,
  templateFields,
  toggleOption,
  toReview,
  withCorrection,
} from '@gcm/domain';
import { MENU_PAGE_SIZE } from './conversation-lists';
import type { Turn } from './turn';
import type { LinkedAccount, ReportDrafts } from './unit-ports';

type ReportIntent = Extract<
  Intent,
  {
    kind:
      | 'reports'
      | 'report_open'
      | 'report_answer'
      | 'report_choice'
      | 'report_toggle'
      | 'report_done'
      | 'report_discard'
      | 'report_skip'
      | 'report_back'
      | 'report_review'
      | 'report_edit'
      | 'report_fields'
      | 'report_submit';
  }
>;

/**
 * `/baocao`: the reports the officer's unit owes, then one report field by field. The values
 * are saved in the API's submission answer by answer (with the draft's version: an answer given
 * while another officer saved is refused and the current value shown); the conversation keeps
 * only the cursor (packages/domain's report-flow.ts says what to ask and what comes next).
 */
export async function reportStep(
  turn: Turn,
  intent: ReportIntent,
  account: LinkedAccount | null,
  anyLocaleDrafts: ReportDrafts,
): Promise<BotReply[]> {
  const { manager, state } = turn;
  const drafts = localised(anyLocaleDrafts, state.locale);
  if (!account) {
    delete state.report;
    return needsLinkReplies(state.locale);
  }
  if (intent.kind === 'reports') {
    delete state.report;
    delete state.taskUpdate;
    return reportListReplies(await drafts.owed(manager, account, new Date()), state.locale);
  }
  if (intent.kind === 'report_open') {
    delete state.taskUpdate;
    const view = await drafts.open(manager, account, intent.ref);
    if (!view) return gone(turn, account, drafts);
    const opened = openReport(view);
    setCursor(turn, opened.cursor);
    return opened.replies;
  }
  const cursor = state.report;
  if (!cursor)
    return reportListReplies(await drafts.owed(manager, account, new Date()), state.locale);
  const saved = await drafts.open(manager, account, cursor.ref);
  if (!saved) return gone(turn, account, drafts);
  // A draft that was submitted, accepted or locked meanwhile, or a correction of a report
  // that is no longer submitted (accepted, returned, locked): opened again as it is now.
  const fillable = saved.status !== 'submitted' && saved.status !== 'accepted';
  if (saved.locked || (cursor.correction ? saved.status !== 'submitted' : !fillable)) {
    const reopened = openReport(saved);
    setCursor(turn, reopened.cursor);
    return reopened.replies;
  }
  const view = withCorrection(saved, cursor);
  switch (intent.kind) {
    case 'report_answer': {
      const read = readReportText(view, cursor, intent.text, new Date());
      if (read.kind === 'edit') return move(turn, editField(view, cursor, read.field));
      if (read.kind === 'replies') return read.replies;
      return save(turn, account, drafts, view, cursor, read.field, read.value);
    }
    case 'report_choice':
    case 'report_done':
    case 'report_skip': {
      const press = readReportButton(view, cursor, {
        field: intent.field,
        ...(intent.kind === 'report_choice' ? { option: intent.option } : {}),
        ...(intent.kind === 'report_done' ? { done: true } : {}),
      });
      if (press.kind === 'replies') return press.replies;
      return save(turn, account, drafts, view, cursor, press.field, press.value);
    }
    case 'report_toggle':
      return move(turn, toggleOption(view, cursor, intent));
    case 'report_discard':
      if (!cursor.correction) return resumeReplies(view, cursor);
      delete turn.state.report;
      return reportNoticeReplies(reportTexts(state.locale).discarded, state.locale);
    case 'report_back':
      return move(turn, goBack(view, cursor));
    case 'report_review':
      return move(turn, toReview(view, cursor));
    case 'report_edit':
      return move(turn, editField(view, cursor, intent.field));
    case 'report_fields':
      return fieldListReplies(view, MENU_PAGE_SIZE[turn.conversation.channel], intent.page);
    case 'report_submit':
      return submit(turn, account, drafts, view, cursor);
  }
}

async function save(
  turn: Turn,
  account: LinkedAccount,
  drafts: ReportDrafts,
  view: ReportDraftView,
  cursor: ReportCursor,
  field: number,
  value: Parameters<ReportDrafts['saveAnswer']>[4],
): Promise<BotReply[]> {
  if (cursor.correction) {
    // A correction waits for "Gửi lại báo cáo"; nothing is written before.
    const next = holdCorrection(view, cursor, field, value);
    return move(turn, afterAnswer(withCorrection(unCorrected(view), next), next, field));
  }
  const key = templateFields(view.template)[field].key;
  const saved = await drafts.saveAnswer(
    turn.manager,
    account,
    cursor.ref,
    key,
    value,
    cursor.version,
  );
  if (!saved.ok && saved.reason === 'stale')
    return move(turn, staleAnswerReplies(saved.view, cursor));
  if (!saved.ok) {
    delete turn.state.report;
    return reportNoticeReplies(saved.message, turn.state.locale);
  }
  return move(turn, afterAnswer(saved.view, cursor, field));
}

async function submit(
  turn: Turn,
  account: LinkedAccount,
  drafts: ReportDrafts,
  view: ReportDraftView,
  cursor: ReportCursor,
): Promise<BotReply[]> {
  if (cursor.correction) return resubmit(turn, account, drafts, view, cursor);
  // Someone else saved since this person last saw the draft: show them what they would send.
  if (view.version !== cursor.version) {
    return move(turn, staleAnswerReplies(view, { ...cursor, step: 'review' }));
  }
  const blocked = checkBeforeSubmit(view, cursor);
  if (blocked) return move(turn, blocked);
  const submitted = await drafts.submit(turn.manager, account, cursor.ref);
  if (!submitted.ok && submitted.reason === 'stale') {
    return move(turn, staleAnswerReplies(submitted.view, { ...cursor, step: 'review' }));
  }
  if (!submitted.ok) return reportNoticeReplies(submitted.message, turn.state.locale);
  delete turn.state.report;
  return submittedReplies(view, submitted.late);
}

/**
 * "Gửi lại báo cáo" on a submitted report: the corrections checked as a whole (a required
 * field left empty or a broken rule is asked again), then saved in one correction at the
 * version the person saw; the API keeps each change with its value before and after.
 */
async function resubmit(
  turn: Turn,
  account: LinkedAccount,
  drafts: ReportDrafts,
  view: ReportDraftView,
  cursor: ReportCursor,
): Promise<BotReply[]> {
  const keys = correctedFields(view, cursor);
  if (keys.length === 0) return nothingCorrectedReplies(turn.state.locale);
  if (view.version !== cursor.version) {
    return move(turn, staleAnswerReplies(view, { ...cursor, step: 'review' }));
  }
  const blocked = checkBeforeSubmit(view, cursor);
  if (blocked) return move(turn, blocked);
  const values = Object.fromEntries(keys.map((key) => [key, view.values[key] ?? null]));
  const saved = await drafts.saveAnswers(turn.manager, account, cursor.ref, values, cursor.version);
  if (!saved.ok && saved.reason === 'stale') {
    const next = { ...cursor, step: 'review' as const };
    return move(turn, staleAnswerReplies(withCorrection(saved.view, next), next));
  }
  if (!saved.ok) return reportNoticeReplies(saved.message, turn.state.locale);
  delete turn.state.report;
  return correctedReplies(view, keys);
}

/** The view as submitted, without the person's corrections. */
function unCorrected(view: ReportDraftView): ReportDraftView {
  if (!view.savedValues) return view;
  const { savedValues, ...rest } = view;
  return { ...rest, values: savedValues };
}

function move(turn: Turn, next: { cursor: ReportCursor; replies: BotReply[] }): BotReply[] {
  turn.state.report = next.cursor;
  return next.replies;
}

function setCursor(turn: Turn, cursor: ReportCursor | null): void {
  if (cursor) turn.state.report = cursor;
  else delete turn.state.report;
}

async function gone(turn: Turn, account: LinkedAccount, drafts: ReportDrafts): Promise<BotReply[]> {
  delete turn.state.report;
  return [
    { type: 'text', text: reportTexts(turn.state.locale).gone, format: 'markdown' },
    ...reportListReplies(await drafts.owed(turn.manager, account, new Date()), turn.state.locale),
  ];
}

/** The drafts port, its views in the conversation's language. */
function localised(drafts: ReportDrafts, locale: BotLocale): ReportDrafts {
  const withLocale = <T extends object>(outcome: T): T =>
    'view' in outcome && outcome.view
      ? { ...outcome, view: { ...(outcome.view as ReportDraftView), locale } }
      : outcome;
  return {
    owed: (m, account, now) => drafts.owed(m, account, now),
    open: async (m, account, ref) => {
      const view = await drafts.open(m, account, ref);
      return view && { ...view, locale };
    },
    saveAnswer: async (...args) => withLocale(await drafts.saveAnswer(...args)),
    saveAnswers: async (...args) => withLocale(await drafts.saveAnswers(...args)),
    submit: async (...args) => withLocale(await drafts.submit(...args)),
  };
}
