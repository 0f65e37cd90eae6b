// Customer personal data, handled the same way by every service that shows it (docs/product.md §9): who sees contact
// data in clear and who a mask, the masks, and the append-only log of every read in clear.
export * from './contact-access';
export * from './masking';
export * from './selection';
export * from './access-recorder';
export * from './access-log.entity';
export * from './access-log.repository';
export * from './access-log.migration';
