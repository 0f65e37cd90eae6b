import { NotFoundError } from '@opsgraph/domain';
import { ConnectionArgs, requireCaller, type ConnectionShape } from '@opsgraph/graphql-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { metaOf, useCaseMutations } from '@opsgraph/service-kit';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { CustomerContext } from '../context';
import {
  canViewCustomer,
  contactVisibility,
  maskEmail,
  maskName,
  maskPhone,
  rootFieldOf,
  selectedFields,
} from '@opsgraph/personal-data';
import type { ServiceHistorySummary } from '../projections/service-history.repository';
import { averageSatisfaction } from '../projections/service-history.rules';
import { ServiceHistory } from '../projections/service-history.type';
import { CustomerRevisitsArgs } from '../revisits/revisit.inputs';
import type { RevisitView } from '../revisits/revisit.service';
import { RevisitConnection } from '../revisits/revisit.type';
import {
  AddCustomerContactInput,
  ChangeCustomerTierInput,
  CustomersArgs,
  RegisterCustomerInput,
  RemoveCustomerContactInput,
  UpdateCustomerConsentsInput,
  UpdateCustomerContactInput,
  UpdateCustomerInput,
} from './customer.inputs';
import type { ContactRecord, CustomerChangeRecord, CustomerRecord } from './customer.model';
import { CONTACT_PERSONAL_FIELDS } from './customer.rules';
import { Contact, Customer, CustomerChangeConnection, CustomerConnection } from './customer.type';

function masked(contact: ContactRecord): Contact {
  return {
    id: contact.id,
    name: maskName(contact.name),
    title: contact.title,
    phone: contact.phone && maskPhone(contact.phone),
    email: contact.email && maskEmail(contact.email),
    isPrimary: contact.isPrimary,
    masked: true,
  };
}

function clear(contact: ContactRecord): Contact {
  const { id, name, title, phone, email, isPrimary } = contact;
  return { id, name, title, phone, email, isPrimary, masked: false };
}

function toServiceHistory(summary: ServiceHistorySummary | null): ServiceHistory {
  return {
    ticketsTotal: summary?.ticketsTotal ?? 0,
    ticketsOpen: summary?.ticketsOpen ?? 0,
    complaints: summary?.complaints ?? 0,
    lastContactAt: summary?.lastContactAt ?? null,
    averageSatisfaction: summary ? averageSatisfaction(summary) : null,
    surveysAnswered: summary?.satisfactionCount ?? 0,
    lastComplaint:
      summary?.lastComplaintTicketId && summary.lastComplaintNumber && summary.lastComplaintAt
        ? {
            ticket: { id: summary.lastComplaintTicketId },
            number: summary.lastComplaintNumber,
            openedAt: summary.lastComplaintAt,
          }
        : null,
  };
}

/** Each customer mutation takes one input and answers the customer as the CustomerService use-case leaves it. */
export const CustomerMutations = useCaseMutations(
  () => Customer,
  (ctx: CustomerContext) => ctx.services.customers,
  {
    registerCustomer: { useCase: 'register', input: RegisterCustomerInput },
    updateCustomer: { useCase: 'update', input: UpdateCustomerInput },
    changeCustomerTier: {
      useCase: 'changeTier',
      input: ChangeCustomerTierInput,
      description: 'ADMIN, OPS_DIRECTOR, OPS_MANAGER',
    },
    updateCustomerConsents: {
      useCase: 'updateConsents',
      input: UpdateCustomerConsentsInput,
      description: 'Staff editors, or the customer itself',
    },
    addCustomerContact: { useCase: 'addContact', input: AddCustomerContactInput },
    updateCustomerContact: { useCase: 'updateContact', input: UpdateCustomerContactInput },
    removeCustomerContact: { useCase: 'removeContact', input: RemoveCustomerContactInput },
  },
);

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => Customer, { description: 'NOT_FOUND also when the caller may not see the customer' })
  async customer(
    @Arg('id', () => ID, { description: "The customer's id" }) id: string,
    @Ctx() ctx: CustomerContext,
  ): Promise<CustomerRecord> {
    const caller = requireCaller(ctx);
    const customer = await ctx.loaders.customers.load(id);
    if (!customer || !canViewCustomer(caller, customer.id)) throw new NotFoundError('Customer', id);
    return customer;
  }

  @Query(() => Customer, { nullable: true, description: 'Codes are case-insensitive' })
  customerByCode(
    @Arg('code', { description: 'The customer code, e.g. C-2025-0042 (any case)' }) code: string,
    @Ctx() ctx: CustomerContext,
  ): Promise<CustomerRecord | null> {
    return ctx.services.customers.findByCode(metaOf(ctx), code);
  }

  @Query(() => CustomerConnection, { description: 'Staff only' })
  customers(
    @Args() args: CustomersArgs,
    @Ctx() ctx: CustomerContext,
  ): Promise<ConnectionShape<CustomerRecord>> {
    return ctx.services.customers.search(metaOf(ctx), args);
  }

  @FieldResolver(() => [Contact], {
    description: 'Primary first. Masked for TECHNICIAN, ANALYST and HR; reads in clear are recorded.',
  })
  async contacts(
    @Root() customer: CustomerRecord,
    @Ctx() ctx: CustomerContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Contact[]> {
    const caller = requireCaller(ctx);
    const visibility = contactVisibility(caller, customer.id);
    if (visibility === 'NONE') return [];
    const contacts = await ctx.loaders.contacts.load(customer.id);
    if (visibility === 'MASKED') return contacts.map(masked);
    const selected = selectedFields(info);
    const fields = CONTACT_PERSONAL_FIELDS.filter(
      (field) => selected.has(field) && contacts.some((contact) => contact[field] !== null),
    );
    // Recorded before the data leaves: if the record cannot be written, the read fails.
    await ctx.accessRecorder?.record({
      customerId: customer.id,
      fields: fields.map((field) => `contacts.${field}`),
      operation: rootFieldOf(info),
    });
    return contacts.map(clear);
  }

  @FieldResolver(() => ServiceHistory, {
    description:
      "The customer's ticket history with the centre (counts, last contact, satisfaction, last complaint), kept from ticket events a few seconds behind the ticket service; all zero for a customer without tickets",
  })
  async serviceHistory(
    @Root() customer: CustomerRecord,
    @Ctx() ctx: CustomerContext,
  ): Promise<ServiceHistory> {
    return toServiceHistory(await ctx.loaders.serviceHistory.load(customer.id));
  }

  @FieldResolver(() => RevisitConnection, { description: 'Staff only; latest due first' })
  revisits(
    @Root() customer: CustomerRecord,
    @Args() args: CustomerRevisitsArgs,
    @Ctx() ctx: CustomerContext,
  ): Promise<ConnectionShape<RevisitView>> {
    return ctx.services.revisits.ofCustomer(metaOf(ctx), customer.id, args);
  }

  @FieldResolver(() => CustomerChangeConnection, {
    description: 'Audit trail, newest first (ADMIN, OPS_DIRECTOR, OPS_MANAGER, AGENT)',
  })
  changeHistory(
    @Root() customer: CustomerRecord,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: CustomerContext,
  ): Promise<ConnectionShape<CustomerChangeRecord>> {
    return ctx.services.customers.changes(metaOf(ctx), customer.id, args);
  }
}
