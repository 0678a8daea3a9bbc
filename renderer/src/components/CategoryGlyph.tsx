/** Silhouettes that stand for a kind of product where there is no photo (100-unit grid). */
const glyphs = {
  sneaker: 'M8 66c0-9 3-15 10-17l17-5c6-2 10-8 14-13l8 3c4 9 12 15 25 18 8 2 11 7 11 14v4H8z M8 70h85v6H8z',
  boot: 'M30 12h26v44c13 2 27 6 33 14v10H30z M30 84h59v5H30z',
  sandal:
    'M10 70c0-6 4-10 10-10h60c7 0 10 4 10 10v4H10z M34 60c2-14 8-22 16-22s14 8 16 22h-6c-2-10-5-16-10-16s-8 6-10 16z',
  shirt: 'M36 16L22 22 8 38l13 11 7-6v42h44V43l7 6 13-11-14-16-14-6c-3 8-8 12-14 12s-11-4-14-12z',
  jacket: 'M36 14L20 20 8 40l4 46h20V40l-4-14 22 22 22-22-4 14v46h20l4-46-12-20-16-6-14 16z',
  trousers: 'M28 12h44l5 76H57L50 40l-7 48H23z',
  dress: 'M40 12h20l-2 18 9 14 13 44H20l13-44 9-14z',
  bag: 'M18 40h64l-5 48H23z M36 40c0-18 6-24 14-24s14 6 14 24h-6c0-13-3-18-8-18s-8 5-8 18z',
  tag: 'M14 50V18a4 4 0 0 1 4-4h32l38 38-36 36zM30 34a5 5 0 1 0 0-10 5 5 0 0 0 0 10z',
} as const;

export type Glyph = keyof typeof glyphs;

const glyphRules: [RegExp, Glyph][] = [
  [/boot/i, 'boot'],
  [/sandal|slide|espadrille/i, 'sandal'],
  [/sneaker|trainer|runner|shoe|loafer|moccasin|footwear/i, 'sneaker'],
  [/jacket|coat|parka|blazer|bomber|puffer/i, 'jacket'],
  [/trouser|pant|jean|chino|jogger|short/i, 'trousers'],
  [/dress|skirt/i, 'dress'],
  [/bag|backpack|tote|weekender|wallet|accessor/i, 'bag'],
  [/shirt|tee|top|polo|henley|knit|sweater|hoodie|cardigan|turtleneck|clothing/i, 'shirt'],
];

export function glyphFor(...hints: (string | undefined)[]): Glyph {
  // The most specific hint (the product's own title, the leaf category) decides first.
  for (const hint of hints) {
    if (hint === undefined) continue;
    for (const [pattern, glyph] of glyphRules) if (pattern.test(hint)) return glyph;
  }
  return 'tag';
}

export function CategoryGlyph({ glyph, className }: { glyph: Glyph; className?: string }) {
  return (
    <svg className={className ?? 'category-glyph'} viewBox="0 0 100 100" aria-hidden="true" focusable="false">
      <path d={glyphs[glyph]} />
    </svg>
  );
}
