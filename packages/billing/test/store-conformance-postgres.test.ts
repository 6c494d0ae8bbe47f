import { storeConformance } from './fixtures/store-conformance.js';
import { postgresFactory } from './fixtures/stores.js';

storeConformance(postgresFactory);
