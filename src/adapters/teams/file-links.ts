import type { Locale } from "../../domain/org.js";
import { translator } from "../../i18n/index.js";
import type { CardOptions } from "../../renderers/adaptive-card.js";
import type { FileView, View } from "../../views/view.js";
import type { FileLinkSigner } from "../files/signed-links.js";

/** Where Teams users download report files: under PUBLIC_URL, so the Teams client can reach it. */
export const TEAMS_FILES_ROUTE = "/files/:id";

/** A view ready for a Teams card: its files as download links, or a note saying why there are none. */
export type TeamsFiles = (view: View, locale: Locale) => { view: View; options: CardOptions };

/**
 * With PUBLIC_URL, each file is an Action.OpenUrl to `${PUBLIC_URL}/files/<id>?exp=...&sig=...`,
 * signed afresh for each card; without it the card says plainly that Teams cannot offer the files,
 * so it never promises attachments that are not there.
 */
export function teamsFiles(publicUrl: string | undefined, signer: FileLinkSigner): TeamsFiles {
  const fileUrl = (file: FileView) =>
    `${publicUrl}/files/${encodeURIComponent(file.id)}?${signer.query(file.id)}`;
  return (view, locale) => {
    if (!view.files?.length) return { view, options: {} };
    if (publicUrl) return { view, options: { fileUrl } };
    const note = translator(locale)("teams.files.no_public_url");
    return { view: { ...view, text: [...view.text, note] }, options: {} };
  };
}
