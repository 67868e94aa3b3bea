// fontkit ships no types; PDFKit accepts one of its font objects in place of a file (anything with layout()).
declare module 'fontkit' {
  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }
  export interface GlyphRun {
    glyphs: unknown[];
    positions: GlyphPosition[];
    readonly advanceWidth: number;
  }
  /** fontkit's glyph: `_decode` parses its outline (no cache of its own). */
  export interface Glyph {
    _decode(): unknown;
  }
  export interface FontkitFont {
    layout(text: string, features?: unknown): GlyphRun;
    getGlyph(id: number, characters?: number[]): Glyph;
    createSubset(this: FontkitFont): unknown;
    postscriptName: string;
  }
  export function create(buffer: Uint8Array): FontkitFont;
}
