/**
 * A few HS 2022 headings (4 digits) and subheadings (6 digits) that the
 * customs connector's lookups and duty-rate tables use: the common trade lines
 * of Bangladesh–EU/US/Gulf textile and electronics trade. Not the whole
 * nomenclature: a heading missing here is not an invalid code.
 *
 * Source: WCO, HS Nomenclature 2022 edition, headings 09.01, 09.02, 52.08,
 * 61.09, 61.10, 62.03, 84.71 and 85.17 (8517.13 "Smartphones" is new in HS 2022).
 * Texts are the legal texts of the headings, without the trailing full stop;
 * a subheading's text joins its one-dash and two-dash levels with ": ".
 * @module
 */

/** A heading or subheading of the nomenclature. */
export interface HsHeading {
  /** 4 digits (heading) or 6 digits (subheading). */
  readonly code: string;
  readonly description: string;
}

const ENTRIES: readonly HsHeading[] = [
  {
    code: '0901',
    description:
      'Coffee, whether or not roasted or decaffeinated; coffee husks and skins; coffee substitutes containing coffee in any proportion',
  },
  { code: '090111', description: 'Coffee, not roasted: not decaffeinated' },
  { code: '090112', description: 'Coffee, not roasted: decaffeinated' },
  { code: '090121', description: 'Coffee, roasted: not decaffeinated' },
  { code: '090122', description: 'Coffee, roasted: decaffeinated' },
  { code: '0902', description: 'Tea, whether or not flavoured' },
  {
    code: '5208',
    description:
      'Woven fabrics of cotton, containing 85 % or more by weight of cotton, weighing not more than 200 g/m²',
  },
  { code: '520812', description: 'Unbleached: plain weave, weighing more than 100 g/m²' },
  { code: '520832', description: 'Dyed: plain weave, weighing more than 100 g/m²' },
  {
    code: '520842',
    description: 'Of yarns of different colours: plain weave, weighing more than 100 g/m²',
  },
  { code: '6109', description: 'T-shirts, singlets and other vests, knitted or crocheted' },
  { code: '610910', description: 'Of cotton' },
  { code: '610990', description: 'Of other textile materials' },
  {
    code: '6110',
    description:
      'Jerseys, pullovers, cardigans, waistcoats and similar articles, knitted or crocheted',
  },
  { code: '611020', description: 'Of cotton' },
  {
    code: '6203',
    description:
      "Men's or boys' suits, ensembles, jackets, blazers, trousers, bib and brace overalls, breeches and shorts (other than swimwear)",
  },
  {
    code: '620342',
    description: 'Trousers, bib and brace overalls, breeches and shorts: of cotton',
  },
  {
    code: '8471',
    description:
      'Automatic data processing machines and units thereof; magnetic or optical readers, machines for transcribing data onto data media in coded form and machines for processing such data, not elsewhere specified or included',
  },
  {
    code: '847130',
    description:
      'Portable automatic data processing machines, weighing not more than 10 kg, consisting of at least a central processing unit, a keyboard and a display',
  },
  {
    code: '8517',
    description:
      'Telephone sets, including smartphones and other telephones for cellular networks or for other wireless networks; other apparatus for the transmission or reception of voice, images or other data, including apparatus for communication in a wired or wireless network (such as a local or wide area network), other than transmission or reception apparatus of heading 84.43, 85.25, 85.27 or 85.28',
  },
  { code: '851713', description: 'Smartphones' },
];

/** The shipped headings and subheadings, keyed by code. */
export const HS_HEADINGS: ReadonlyMap<string, HsHeading> = new Map(
  ENTRIES.map((entry) => [entry.code, Object.freeze(entry)] as const),
);
