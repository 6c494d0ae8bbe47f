/**
 * Builds the gateway's WCO DEC (JSON variant) body from a validated
 * `submitDeclaration` input.
 * @module
 */
import { type Money, toDecimalString } from '@tollgate/core';
import type { z } from 'zod';
import type { wireDeclarationRequest } from './gateway-wire.js';
import type { submitDeclarationInput } from './schema.js';

type WireDeclaration = z.input<typeof wireDeclarationRequest>;
type GoodsItem =
  WireDeclaration['declaration']['goodsShipment']['governmentAgencyGoodsItems'][number];

function wireAmount(m: Money): { value: string; currencyId: string } {
  return { value: toDecimalString(m), currencyId: m.currency };
}

/**
 * The request body of `POST /customs/declarations`. Without `items`, one goods
 * item per commodity code is declared (classification only).
 */
export function buildDeclarationRequest(
  input: z.output<typeof submitDeclarationInput>,
): WireDeclaration {
  const goodsItems: GoodsItem[] = input.items
    ? input.items.map((item, index) => ({
        sequenceNumeric: index + 1,
        commodity: {
          description: item.description,
          classifications: [{ id: item.commodityCode, identificationTypeCode: 'TSP' as const }],
        },
        ...(item.value ? { customsValueAmount: wireAmount(item.value) } : {}),
        ...(item.quantity ? { quantity: item.quantity } : {}),
        ...(item.originCountryCode ? { origin: { countryCode: item.originCountryCode } } : {}),
      }))
    : input.commodityCodes.map((code, index) => ({
        sequenceNumeric: index + 1,
        commodity: { classifications: [{ id: code, identificationTypeCode: 'TSP' as const }] },
      }));
  return {
    metaData: {
      wcoDataModelVersionCode: '3.6',
      wcoTypeName: 'DEC',
      responsibleCountryCode: input.countryCode,
    },
    declaration: {
      // WCO function code 9: original declaration.
      functionCode: '9',
      functionalReferenceId: input.declarantReference,
      // UCC DE 1/1 (IM / EX) + 1/2 additional declaration type A (standard, goods presented).
      typeCode: input.declarationType === 'import' ? 'IMA' : 'EXA',
      declarationOfficeId: input.customsOffice,
      goodsItemQuantity: goodsItems.length,
      ...(input.invoiceAmount ? { invoiceAmount: wireAmount(input.invoiceAmount) } : {}),
      goodsShipment: { governmentAgencyGoodsItems: goodsItems },
    },
  };
}
