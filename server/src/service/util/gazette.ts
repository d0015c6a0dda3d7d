/**
 * Names of official gazettes, for full citations („vom 3. Mai 2013 (BGBl. I
 * S. 1084)“) and for telling a gazette reference from a citation: the
 * Bundesgesetzblatt, the EU's Amtsblatt and the Länder's law gazettes
 * (GVBl., GBl., GVOBl. M-V and GVOBl. Schl.-H., HmbGVBl., SächsGVBl.,
 * Nds. GVBl., Brem.GBl., GV. NRW.).
 */
export const GAZETTE = String.raw`(?:BGBl|ABl|GVOBl|GVBl|GBl|HmbGVBl|SächsGVBl|Nds\.\s?GVBl|Brem\.\s?GBl|GV\.\s?NRW)`;
