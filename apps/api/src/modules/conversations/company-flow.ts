import {
  askCompanyReplies,
  BotReply,
  type CompanyCheckIntent,
  companyCandidatesReplies,
  companyFoundReplies,
  companyNotFoundReplies,
  staleChoiceReplies,
} from '@gcm/domain';
import { type CompaniesService, toListInfo } from '../companies/companies.service';
import { isUuid } from './conversation-lists';
import type { Turn } from './turn';

/**
 * "Kiểm tra doanh nghiệp": a name or licence number (asked for, or read out of a question) is
 * looked up in the current list; a sure match gives its status and the list's date, anything
 * less up to three to choose from, and nothing found a careful answer with where to get help.
 */
export async function companyStep(
  turn: Turn,
  intent: CompanyCheckIntent,
  companies: CompaniesService,
): Promise<BotReply[]> {
  const { manager, state } = turn;
  const { locale } = state;
  switch (intent.kind) {
    case 'check_company':
      if (!intent.name) {
        state.companyCheck = {};
        return askCompanyReplies(locale);
      }
      return lookUp(turn, intent.name, companies);
    case 'check_company_text':
      delete state.companyCheck;
      return lookUp(turn, intent.text, companies);
    case 'check_company_pick': {
      const found = isUuid(intent.companyId)
        ? await companies.get(intent.companyId, manager)
        : null;
      // A button of a list since replaced: the name is asked for again.
      if (!found) {
        state.companyCheck = {};
        return staleChoiceReplies(locale, askCompanyReplies(locale));
      }
      return companyFoundReplies(locale, found.company, found.list);
    }
    case 'check_company_none': {
      const typed = state.companyCheck?.lastTyped ?? '';
      delete state.companyCheck;
      const list = await companies.currentList(manager);
      return companyNotFoundReplies(locale, typed, list ? toListInfo(list) : null);
    }
  }
}

async function lookUp(turn: Turn, typed: string, companies: CompaniesService) {
  const { state, manager } = turn;
  const { locale } = state;
  const name = typed.trim().slice(0, 300);
  const { list, match, candidates } = await companies.check(name, manager);
  if (!list) return companyNotFoundReplies(locale, name, null);
  if (match) return companyFoundReplies(locale, match, list);
  if (candidates.length > 0) {
    // What was typed, for "none of these".
    state.companyCheck = { lastTyped: name };
    return companyCandidatesReplies(locale, candidates);
  }
  return companyNotFoundReplies(locale, name, list);
}
