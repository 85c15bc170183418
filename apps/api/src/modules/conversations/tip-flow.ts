import {
  type BotReply,
  searchLocalities,
  staleChoiceReplies,
  TIP_LIMITS,
  tipCodeOf,
  type TipDraftState,
  type TipIntent,
  tipReplies,
} from '@gcm/domain';
import type { TipsService } from '../tips/tips.service';
import { isUuid } from './conversation-lists';
import { label, placeById, placesNamed } from './help-nearby-flow';
import type { Turn } from './turn';

const WORDS = /[\p{L}\p{N}]/u;
/** Places offered at once (as "Tìm nơi hỗ trợ"). */
const PLACES_SHOWN = 4;

/** What the caller does instead: the text of "Không" to the offer goes to the matcher. */
export type TipOutcome = BotReply[] | { ask: string };

/**
 * "Báo tin" in the conversation: each piece the person gives is stored sealed at once (a draft
 * report in `tips`), so a wrong answer never loses what came before; the state keeps only the
 * draft's id, the step and the area chosen.
 */
export async function tipStep(
  turn: Turn,
  intent: TipIntent,
  tips: TipsService,
  retentionDays: number,
): Promise<TipOutcome> {
  const { state, manager } = turn;
  const { locale } = state;
  const say = (what: Parameters<typeof tipReplies>[1]) => tipReplies(locale, what);

  if (intent.kind === 'tip_offer') {
    if (!tips.enabled) return { ask: intent.text };
    state.tipOffer = { text: intent.text };
    return say({ kind: 'offer' });
  }
  if (intent.kind === 'tip_offer_no') {
    const text = state.tipOffer?.text;
    delete state.tipOffer;
    return text ? { ask: text } : say({ kind: 'thanks' });
  }
  delete state.tipOffer;
  if (!tips.enabled) {
    delete state.tip;
    return say({ kind: 'off' });
  }
  delete state.nearby;
  delete state.companyCheck;

  if (intent.kind === 'tip_start') {
    await leaveTip(turn, tips);
    if (intent.code !== undefined) {
      const code = tipCodeOf(intent.code);
      const found = code ? await tips.findByCodeIn(manager, code) : null;
      if (!found || !code) return say({ kind: 'code_not_found', typed: intent.code });
      state.tip = { step: 'add', tipId: found.id, code };
      return say({ kind: 'adding', code });
    }
    state.tip = { step: 'describe' };
    return say({ kind: 'intro', retentionDays });
  }

  const tip = state.tip;
  // A button of a report already sent or cancelled: start again.
  if (!tip)
    return staleChoiceReplies(
      locale,
      (await tipStep(turn, { kind: 'tip_start' }, tips, retentionDays)) as BotReply[],
    );

  switch (intent.kind) {
    case 'tip_text':
      return onText(turn, tip, intent.text.normalize('NFC').trim(), tips);
    case 'tip_file': {
      if (tip.step === 'add') {
        const added = await tips.addEntryIn(manager, tip.tipId!, 'photo', photoOf(intent));
        return say(added ? { kind: 'added', code: tip.code! } : { kind: 'full' });
      }
      const tipId = await draftOf(turn, tip, tips);
      const added = await tips.addEntryIn(manager, tipId, 'photo', photoOf(intent));
      if (!added) return say({ kind: 'full' });
      if (tip.step === 'describe' || tip.step === 'details') {
        tip.step = 'details';
        return say({ kind: 'photo_noted' });
      }
      return prompt(turn, tip, tips);
    }
    case 'tip_next': {
      if (tip.step !== 'describe' && tip.step !== 'details') return prompt(turn, tip, tips);
      const counts = tip.tipId ? await tips.draftCountsIn(manager, tip.tipId) : null;
      if (!counts || counts.texts === 0) return say({ kind: 'describe_first' });
      tip.step = 'contact';
      return say({ kind: 'ask_contact' });
    }
    case 'tip_anonymous':
      if (tip.step !== 'contact' && tip.step !== 'contact_text') return prompt(turn, tip, tips);
      await tips.setContactIn(manager, await draftOf(turn, tip, tips), null);
      tip.step = 'area';
      return say({ kind: 'ask_area' });
    case 'tip_give_contact':
      if (tip.step !== 'contact' && tip.step !== 'contact_text') return prompt(turn, tip, tips);
      tip.step = 'contact_text';
      return say({ kind: 'ask_contact_text' });
    case 'tip_place': {
      if (tip.step === 'add' || !tip.tipId) return prompt(turn, tip, tips);
      const place = isUuid(intent.unitId) ? await placeById(manager, intent.unitId) : null;
      if (!place) return staleChoiceReplies(locale, say({ kind: 'ask_area' }));
      tip.areaId = place.id;
      tip.areaName = place.name;
      tip.step = 'confirm';
      return prompt(turn, tip, tips);
    }
    case 'tip_send': {
      if (tip.step !== 'confirm' || !tip.tipId || !tip.areaId) return prompt(turn, tip, tips);
      const code = await tips.submitIn(manager, tip.tipId, tip.areaId);
      const area = tip.areaName ?? '';
      delete state.tip;
      if (!code) return say({ kind: 'intro', retentionDays });
      return say({ kind: 'sent', code, area });
    }
    case 'tip_done':
      delete state.tip;
      return say({ kind: 'thanks' });
  }
}

/** Leaves a report being written: its draft is deleted (a report already sent stays). */
export async function leaveTip(turn: Turn, tips: TipsService): Promise<boolean> {
  const tip = turn.state.tip;
  delete turn.state.tip;
  delete turn.state.tipOffer;
  if (tip?.tipId && tip.step !== 'add') await tips.discardDraftIn(turn.manager, tip.tipId);
  return tip !== undefined && tip.step !== 'add';
}

async function onText(
  turn: Turn,
  tip: TipDraftState,
  text: string,
  tips: TipsService,
): Promise<BotReply[]> {
  const { manager, state } = turn;
  const say = (what: Parameters<typeof tipReplies>[1]) => tipReplies(state.locale, what);
  switch (tip.step) {
    case 'describe':
    case 'details':
    case 'confirm':
    case 'add': {
      if (!WORDS.test(text)) return say({ kind: 'no_words' });
      if (text.length > TIP_LIMITS.text) return say({ kind: 'too_long' });
      if (tip.step === 'add') {
        const added = await tips.addEntryIn(manager, tip.tipId!, 'addition', text);
        return say(added ? { kind: 'added', code: tip.code! } : { kind: 'full' });
      }
      const added = await tips.addEntryIn(
        manager,
        await draftOf(turn, tip, tips),
        'description',
        text,
      );
      if (!added) return say({ kind: 'full' });
      // More typed at the last step joins the report; the summary is shown again.
      if (tip.step === 'confirm') return prompt(turn, tip, tips);
      tip.step = 'details';
      return say({ kind: 'noted' });
    }
    case 'contact':
    case 'contact_text': {
      if (!WORDS.test(text)) return say({ kind: 'ask_contact_text' });
      if (text.length > TIP_LIMITS.contact) return say({ kind: 'contact_too_long' });
      await tips.setContactIn(manager, await draftOf(turn, tip, tips), text);
      tip.step = 'area';
      return say({ kind: 'ask_area' });
    }
    case 'area': {
      const places = await placesNamed(manager, text);
      const { matches, more } = searchLocalities(text, places, PLACES_SHOWN);
      if (matches.length === 0) return say({ kind: 'area_not_found', typed: text });
      if (matches.length === 1 && !more) {
        tip.areaId = matches[0].id;
        tip.areaName = matches[0].name;
        tip.step = 'confirm';
        return prompt(turn, tip, tips);
      }
      return say({
        kind: 'choose_area',
        places: matches.map((p) => ({ id: p.id, label: label(p) })),
        more,
      });
    }
  }
}

/** The current step's question again (a button of another step, a photo mid-way). */
async function prompt(turn: Turn, tip: TipDraftState, tips: TipsService): Promise<BotReply[]> {
  const say = (what: Parameters<typeof tipReplies>[1]) => tipReplies(turn.state.locale, what);
  switch (tip.step) {
    case 'describe':
      return say({ kind: 'describe_first' });
    case 'details':
      return say({ kind: 'noted' });
    case 'contact':
      return say({ kind: 'ask_contact' });
    case 'contact_text':
      return say({ kind: 'ask_contact_text' });
    case 'area':
      return say({ kind: 'ask_area' });
    case 'add':
      return say({ kind: 'adding', code: tip.code! });
    case 'confirm': {
      const counts = await tips.draftCountsIn(turn.manager, await draftOf(turn, tip, tips));
      return say({
        kind: 'confirm',
        texts: counts?.texts ?? 0,
        photos: counts?.photos ?? 0,
        anonymous: counts?.anonymous ?? true,
        area: tip.areaName ?? '',
      });
    }
  }
}

/** The draft report, created with the first thing the person gives. */
async function draftOf(turn: Turn, tip: TipDraftState, tips: TipsService): Promise<string> {
  if (tip.tipId && (await tips.draftCountsIn(turn.manager, tip.tipId))) return tip.tipId;
  tip.tipId = await tips.createDraftIn(turn.manager, turn.conversation);
  return tip.tipId;
}

function photoOf(intent: Extract<TipIntent, { kind: 'tip_file' }>) {
  return {
    fileRef: intent.attachment.fileRef,
    ...(intent.attachment.fileName ? { fileName: intent.attachment.fileName } : {}),
    ...(intent.attachment.mimeType ? { mimeType: intent.attachment.mimeType } : {}),
    ...(intent.caption ? { caption: intent.caption } : {}),
  };
}
