/** Grams in a kilogram decimal string (`"2.5"` → 2500n), exactly; more than 3 decimals are cut. */
export function gramsOf(weightKg: string): bigint {
  const [whole = '0', fraction = ''] = weightKg.split('.');
  return BigInt(whole || '0') * 1000n + BigInt(fraction.padEnd(3, '0').slice(0, 3) || '0');
}

/** Grams as a kilogram decimal string (2500n → `"2.5"`, 2000n → `"2"`). */
export function kilogramsOf(grams: bigint): string {
  const whole = grams / 1000n;
  const rest = (grams % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  return rest === '' ? whole.toString() : `${whole}.${rest}`;
}

/** The total weight of packages, as a kilogram decimal string. */
export function totalWeightKg(packages: ReadonlyArray<{ weightKg: string }>): string {
  return kilogramsOf(packages.reduce((sum, pkg) => sum + gramsOf(pkg.weightKg), 0n));
}
