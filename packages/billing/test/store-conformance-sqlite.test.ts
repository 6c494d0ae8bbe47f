import { storeConformance } from './fixtures/store-conformance.js';
import { sqliteFactory } from './fixtures/stores.js';

storeConformance(sqliteFactory);
