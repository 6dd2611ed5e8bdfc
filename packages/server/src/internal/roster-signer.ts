/**
 * A roster entry as a credential's signer (`createPledge`) or representative
 * (`createCollectivePledge`): written once, so both carry the same fields the same way (an
 * optional one only when the roster has it).
 *
 * @module
 * @example
 * ```ts
 * createPledge({ …, signer: { id: subject.id, ...signerOf(employee) } });
 * ```
 */
import type { CreatePledgeInput, EmployeeType, IdentifierScheme } from '@ikrar/core';

/** The roster fields a signer is made of (the service's `Employee`). */
export interface RosterPerson {
  readonly name: string;
  readonly employeeType: EmployeeType;
  readonly identifier: string;
  readonly identifierScheme?: IdentifierScheme;
  readonly position?: string | null;
  readonly workUnit?: string | null;
}

/**
 * The signer of a roster entry.
 * @param e - the roster entry
 * @returns name, employee type and identifier, and the scheme, position and work unit when set
 * @example signerOf({ name: 'Sri', employeeType: 'PNS', identifier: '1990…' })
 */
export function signerOf(e: RosterPerson): Omit<CreatePledgeInput['signer'], 'id'> {
  return {
    name: e.name,
    employeeType: e.employeeType,
    identifier: e.identifier,
    ...(e.identifierScheme && { identifierScheme: e.identifierScheme }),
    ...(e.position && { position: e.position }),
    ...(e.workUnit && { workUnit: e.workUnit }),
  };
}
