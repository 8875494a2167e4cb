/** A button: the action id a platform sends back, with its data. */
export interface ActionView {
  id: string;
  label: string;
  data: Record<string, string>;
  style?: "primary" | "danger";
}

/** One input of a form, already translated. */
export interface FieldView {
  name: string;
  label: string;
  kind: "text" | "multiline" | "choice" | "date" | "number" | "toggle";
  required: boolean;
  maxLength?: number;
  placeholder?: string;
  options?: { value: string; label: string }[];
  value?: string;
  error?: string;
  /** Shown by clients that check required fields themselves before sending (Teams). */
  requiredMessage?: string;
}

/** A form: its fields and the action that submits them (with hidden data). */
export interface FormView {
  id: string;
  fields: FieldView[];
  submit: ActionView;
}

/** A file that goes with a message (a report); each channel delivers it its own way. */
export interface FileView {
  /** The id the FileStore port gave it. */
  id: string;
  name: string;
  mediaType: string;
  size: number;
}

/** A chart on a card: the picture, its description, and its numbers as text (the fallback). */
export interface ImageView {
  title: string;
  /** A data: URI (PNG) or a URL the client can load; empty when only the description is shown. */
  url: string;
  alt: string;
  /** The chart's numbers, one line per group, for readers who cannot see the picture. */
  facts: { label: string; value: string }[];
}

/** A platform-neutral message: renderers turn it into Block Kit or an Adaptive Card. */
export interface View {
  title?: string;
  tone?: "info" | "success" | "warning" | "error";
  /** Paragraphs of plain text (user text is never interpreted as markup). */
  text: string[];
  /** Lines that need attention (goals at risk, overspending), shown in red with a warning sign. */
  alerts?: string[];
  facts?: { label: string; value: string }[];
  /** Items of a list, each with its own facts and buttons (used by /mine). */
  items?: { title: string; facts: { label: string; value: string }[]; actions: ActionView[] }[];
  form?: FormView;
  actions?: ActionView[];
  /** Files to deliver with the message (download links, uploads or file cards by channel). */
  files?: FileView[];
  /** Charts, shown after the facts and items. */
  images?: ImageView[];
  /** The action that draws this card afresh for whoever sees it (Teams' Universal Actions refresh). */
  refresh?: Omit<ActionView, "label">;
}
