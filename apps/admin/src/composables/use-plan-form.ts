import {
  isCalendarDate,
  isPlanYear,
  type CreatePlanGroupRequest,
  type CreatePlanRequest,
  type PlanGroupRef,
  type PlanSummaryResponse,
} from '@gcm/domain';
import type { Translate } from '@/utils/field-error-text';
import type { SetFieldError } from './use-form-submit';

/**
 * A plan's form and its groups' forms in the console: a plan entered from its signed document
 * (number and symbol, title, issuing unit, years, signing day), then its numbered task groups.
 * The same rules as the API's, checked before sending.
 */
export interface PlanForm {
  number: string;
  title: string;
  issuingUnitId: string;
  startYear: string;
  endYear: string;
  /** YYYY-MM-DD, the date picker's value format. */
  issuedOn: string;
}

export interface GroupForm {
  ordinal: string;
  title: string;
}

const YEAR = /^\d{4}$/;

/** A year typed in a form: four digits, in the years a plan may cover. */
export const isTypedYear = (value: string) => YEAR.test(value.trim()) && isPlanYear(Number(value));

/** Text as the API takes it: composed (NFC) and trimmed. */
export const cleanText = (value: string) => value.normalize('NFC').trim();
const ORDINAL = /^\d{1,2}$/;

export function planFormOf(plan: PlanSummaryResponse | null): PlanForm {
  if (!plan) {
    return { number: '', title: '', issuingUnitId: '', startYear: '', endYear: '', issuedOn: '' };
  }
  return {
    number: plan.number,
    title: plan.title,
    issuingUnitId: plan.issuingUnit.id,
    startYear: String(plan.startYear),
    endYear: String(plan.endYear),
    issuedOn: plan.issuedOn,
  };
}

export function planRequestOf(form: PlanForm): CreatePlanRequest {
  return {
    number: cleanText(form.number),
    title: cleanText(form.title),
    issuingUnitId: form.issuingUnitId,
    startYear: Number(form.startYear.trim()),
    endYear: Number(form.endYear.trim()),
    issuedOn: form.issuedOn,
  };
}

export function checkPlanForm(form: PlanForm, set: SetFieldError, t: Translate): void {
  const required = t('common.requiredField');
  if (!form.number.trim()) set('number', required);
  if (form.title.trim().length < 3) {
    set('title', form.title.trim() ? t('reporting.plan.entry.titleShort') : required);
  }
  if (!form.issuingUnitId) set('issuingUnitId', required);
  const year = (value: string) => (value.trim() ? t('reporting.plan.task.yearFormat') : required);
  if (!isTypedYear(form.startYear)) set('startYear', year(form.startYear));
  if (!isTypedYear(form.endYear)) set('endYear', year(form.endYear));
  else if (isTypedYear(form.startYear) && Number(form.endYear) < Number(form.startYear)) {
    set('endYear', t('reporting.plan.entry.endBeforeStart'));
  }
  if (!isCalendarDate(form.issuedOn)) set('issuedOn', required);
}

/** A new group numbered after the plan's last one. */
export function newGroupForm(groups: readonly PlanGroupRef[]): GroupForm {
  const last = groups.reduce((max, group) => Math.max(max, group.ordinal), 0);
  return { ordinal: String(last + 1), title: '' };
}

export function groupFormOf(group: PlanGroupRef): GroupForm {
  return { ordinal: String(group.ordinal), title: group.title };
}

export function groupRequestOf(form: GroupForm): CreatePlanGroupRequest {
  return { ordinal: Number(form.ordinal.trim()), title: cleanText(form.title) };
}

/** The group's number (1–99, not another group's) and its title. */
export function checkGroupForm(
  form: GroupForm,
  groups: readonly PlanGroupRef[],
  groupId: string | null,
  set: SetFieldError,
  t: Translate,
): void {
  const ordinal = form.ordinal.trim();
  if (!ORDINAL.test(ordinal) || Number(ordinal) < 1) {
    set('ordinal', t('reporting.plan.entry.ordinalFormat'));
  } else if (groups.some((group) => group.ordinal === Number(ordinal) && group.id !== groupId)) {
    set('ordinal', t('errors.plan_group_ordinal_taken'));
  }
  if (form.title.trim().length < 3) {
    set(
      'title',
      form.title.trim() ? t('reporting.plan.entry.titleShort') : t('common.requiredField'),
    );
  }
}
