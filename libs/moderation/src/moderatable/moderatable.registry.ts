import { badInput, DecodedId, fromGlobalIdOfTypes } from '@app/core';
import { Injectable, Type } from '@nestjs/common';
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

  /**
   * Decodes a target's global ID at the edge: BAD_USER_INPUT naming `field` unless it is the ID
   * of moderatable content.
   */
  decode(globalId: string, field: string): DecodedId {
    const decoded = fromGlobalIdOfTypes(globalId, [...this.handlers.keys()], field);
    if (!this.handlers.has(decoded.type)) throw badInput(field, 'cannot be moderated');
    return decoded;
  }

  /** The handler of a decoded target (decoded by `decode`, so it is registered). */
  handlerOf(target: DecodedId, field: string): ModeratableHandler {
    const handler = this.handlers.get(target.type);
    if (!handler) throw badInput(field, 'cannot be moderated');
    return handler;
  }
}
