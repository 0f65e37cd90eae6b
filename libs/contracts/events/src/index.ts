export * from './envelope';
export * from './define-event';
export * from './validate';
export * from './topics';
export * from './ticket/ticket.events';
export * from './customer/customer.events';
export * from './hr/hr.events';
