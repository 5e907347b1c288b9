import { badInput, fromGlobalIdOfTypes } from '@app/core';
import { Injectable } from '@nestjs/common';
import { Type } from '@nestjs/common';
import { addModeratableType, ModeratableHandler } from './moderatable';

/** The handlers of every moderatable content type, by GraphQL type name. */
@Injectable()
export class ModeratableRegistry {
  private readonly handlers = new Map<string, ModeratableHandler>();

  /**
   * Adds a GraphQL object type to the Moderatable union. Content libs call it from their
   * module's constructor, so the union's members are known before the schema is built.
   */
  registerType(type: Type<unknown>): void {
    addModeratableType(type);
  }

  /** Registers a content type's handler; content libs call this from onModuleInit. */
  register(handler: ModeratableHandler): void {
    this.handlers.set(handler.type, handler);
  }

  /** The handler of a type, or undefined. */
  get(type: string): ModeratableHandler | undefined {
    return this.handlers.get(type);
  }

  /** Decodes a target's global ID (BAD_USER_INPUT naming `field` if it is not moderatable). */
  resolve(globalId: string, field: string): { handler: ModeratableHandler; id: string } {
    const decoded = fromGlobalIdOfTypes(globalId, [...this.handlers.keys()], field);
    const handler = this.handlers.get(decoded.type);
    if (!handler) throw badInput(field, 'cannot be moderated');
    return { handler, id: decoded.id };
  }
}
