/**
 * Protection for the Sheets fake. As in Sheets: a new protection mirrors the spreadsheet's
 * editors until its list is changed, the owner is always an editor and neither the owner nor the
 * current user can be removed, and only someone who may edit under a protection may read its
 * editors (getEditors, canDomainEdit) or change or remove it; canEdit, getDescription and
 * getRange answer anyone.
 */
import { FakeServiceError, type FakeEnv } from './env';
import {
  NO_PERMISSION_MESSAGE, isOwner, isSpreadsheetEditor, mayEditUnder, normEmail, protectionEditors,
  type ProtectionState, type Rect, type SpreadsheetState,
} from './sheets-model';

import type { FakeRange } from './spreadsheet';

type P = GoogleAppsScript.Spreadsheet.Protection;
/** A user given by e-mail or as a User object. */
export type UserLike = string | { getEmail(): string };

/** A user as Apps Script hands one out: only the e-mail is real. */
export class FakeUser implements Pick<GoogleAppsScript.Base.User, 'getEmail'> {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
  toString(): string {
    return this.email;
  }
}

/** What a Protection needs from the spreadsheet it belongs to. */
export interface ProtectionHost {
  env: FakeEnv;
  doc: SpreadsheetState;
  makeRange(sheetId: number, rect: Rect): FakeRange;
  rectOf(range: unknown): { sheetId: number; rect: Rect };
}

function emailOf(u: UserLike): string {
  return normEmail(typeof u === 'string' ? u : u.getEmail());
}

export class FakeProtection implements Pick<P,
  'canDomainEdit' | 'canEdit' | 'getDescription' | 'getRangeName' | 'isWarningOnly' | 'remove'> {
  constructor(private readonly host: ProtectionHost, readonly id: number) {}

  /** The live state; throws once the protection was removed. */
  private get state(): ProtectionState {
    const p = this.host.doc.protections.find((x) => x.id === this.id);
    if (!p) throw new FakeServiceError('The protection has been removed.');
    return p;
  }

  private record(method: string): void {
    this.host.env.record(`Protection.${method}`);
  }

  /** Changing a protection needs the right to edit under it. */
  private assertMayChange(): ProtectionState {
    const p = this.state;
    const user = this.host.env.currentUser;
    if (!isSpreadsheetEditor(this.host.doc, user) || !mayEditUnder(this.host.doc, p, user)) {
      throw new FakeServiceError(NO_PERMISSION_MESSAGE);
    }
    return p;
  }

  /** A new protection's editors mirror the spreadsheet's until the list is first changed. */
  private materialise(p: ProtectionState): string[] {
    if (p.editors === null) p.editors = protectionEditors(this.host.doc, p).filter((e) => !isOwner(this.host.doc, e));
    return p.editors;
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    this.record('getProtectionType');
    return this.state.type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }

  getRange(): FakeRange {
    this.record('getRange');
    const p = this.state;
    const sheet = this.host.doc.sheets.find((s) => s.id === p.sheetId)!;
    return this.host.makeRange(p.sheetId, p.rect ?? { r1: 1, c1: 1, r2: sheet.maxRows, c2: sheet.maxCols });
  }

  setRange(range: unknown): this {
    this.record('setRange');
    const p = this.assertMayChange();
    if (p.type === 'SHEET') throw new FakeServiceError('Cannot set the range of a sheet protection.');
    const { sheetId, rect } = this.host.rectOf(range);
    p.sheetId = sheetId;
    p.rect = rect;
    return this;
  }

  getRangeName(): string | null {
    this.record('getRangeName');
    return this.state.rangeName;
  }

  setRangeName(name: string): this {
    this.record('setRangeName');
    this.assertMayChange().rangeName = name;
    return this;
  }

  getDescription(): string {
    this.record('getDescription');
    return this.state.description;
  }

  setDescription(description: string): this {
    this.record('setDescription');
    this.assertMayChange().description = String(description);
    return this;
  }

  /** Throws for a user who may not edit the protection, as Apps Script does. */
  getEditors(): FakeUser[] {
    this.record('getEditors');
    return protectionEditors(this.host.doc, this.assertMayChange()).map((e) => new FakeUser(e));
  }

  addEditor(user: UserLike): this {
    this.record('addEditor');
    this.addAll([emailOf(user)]);
    return this;
  }

  addEditors(users: Array<UserLike>): this {
    this.record('addEditors');
    this.addAll(users.map(emailOf));
    return this;
  }

  /** Only Google accounts can be editors: an implausible address, or one marked as no account, throws. */
  private addAll(emails: string[]): void {
    const notGoogle = new Set((this.host.doc.notGoogleAccounts ?? []).map(normEmail));
    for (const e of emails) {
      if (!/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(e) || notGoogle.has(e)) throw new FakeServiceError(`Invalid email: ${e}`);
    }
    const list = this.materialise(this.assertMayChange());
    for (const e of emails) if (!isOwner(this.host.doc, e) && !list.includes(e)) list.push(e);
  }

  removeEditor(user: UserLike): this {
    this.record('removeEditor');
    this.removeAll([emailOf(user)]);
    return this;
  }

  removeEditors(users: Array<UserLike>): this {
    this.record('removeEditors');
    this.removeAll(users.map(emailOf));
    return this;
  }

  /** As in Apps Script, neither the owner nor the current user can be removed. */
  private removeAll(emails: string[]): void {
    const p = this.assertMayChange();
    const list = this.materialise(p);
    const me = normEmail(this.host.env.currentUser);
    p.editors = list.filter((e) => e === me || !emails.includes(e));
  }

  setDomainEdit(editable: boolean): this {
    this.record('setDomainEdit');
    this.assertMayChange().domainEdit = !!editable;
    return this;
  }

  /** Throws for a user who may not edit the protection, as getEditors does. */
  canDomainEdit(): boolean {
    this.record('canDomainEdit');
    return this.assertMayChange().domainEdit;
  }

  /** Can the current user edit what this protection covers? */
  canEdit(): boolean {
    this.record('canEdit');
    const user = this.host.env.currentUser;
    return isSpreadsheetEditor(this.host.doc, user) && mayEditUnder(this.host.doc, this.state, user);
  }

  setWarningOnly(warningOnly: boolean): this {
    this.record('setWarningOnly');
    this.assertMayChange().warningOnly = !!warningOnly;
    return this;
  }

  isWarningOnly(): boolean {
    this.record('isWarningOnly');
    return this.state.warningOnly;
  }

  setUnprotectedRanges(ranges: unknown[]): this {
    this.record('setUnprotectedRanges');
    const p = this.assertMayChange();
    if (p.type !== 'SHEET') throw new FakeServiceError('Unprotected ranges can only be set on a sheet protection.');
    const rects = ranges.map((r) => {
      const { sheetId, rect } = this.host.rectOf(r);
      if (sheetId !== p.sheetId) throw new FakeServiceError('The unprotected range must be on the protected sheet.');
      return rect;
    });
    p.unprotected = rects;
    return this;
  }

  getUnprotectedRanges(): FakeRange[] {
    this.record('getUnprotectedRanges');
    const p = this.state;
    return p.unprotected.map((r) => this.host.makeRange(p.sheetId, r));
  }

  remove(): void {
    this.record('remove');
    this.assertMayChange();
    const list = this.host.doc.protections;
    list.splice(list.findIndex((x) => x.id === this.id), 1);
  }
}
