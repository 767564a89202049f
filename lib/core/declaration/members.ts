/**
 * The bookkeeping behind a declaration, shared by the declaration itself and the backend and
 * cluster-kind modules that add elements to it: ids, unique names, membership, and the
 * "already rendered" guard.
 */
import { declarationAlreadyRendered, describeType, duplicateName, undeclaredReference } from '../errors';
import { assertDnsSubdomain } from '../validation';

/** Collections of a declaration, in the order elements are listed. */
export type DeclarationCollection =
  'clusters' | 'kmsKeys' | 'keyVaults' | 'secrets' | 'stores' | 'externalSecrets' | 'pushSecrets' | (string & {});

/** Registers the elements of one declaration. */
export class DeclarationMembers {
  private readonly lists = new Map<string, object[]>();
  /** Every element this declaration created, for O(1) "declared here?" checks. */
  private readonly members = new WeakSet<object>();
  private readonly ids = new Map<string, string>();
  private readonly uniqueNames = new Map<string, string>();
  private renderedBy?: string;

  /**
   * @param name name of the declaration (first segment of every path)
   * @param onChange called whenever an element is registered (invalidates the cached plan)
   */
  constructor(private readonly name: string, private readonly onChange: () => void) {}

  /** Path of a declared element, for messages: `<declaration>/<collection>/<id>`. */
  public pathOf(collection: string, id: string): string {
    return `${this.name}/${collection}/${id}`;
  }

  /** Claims a declaration-unique id in a collection; returns the element's path. */
  public register(collection: DeclarationCollection, id: string): string {
    const path = this.pathOf(collection, id);
    if (this.renderedBy !== undefined) {
      throw declarationAlreadyRendered(path, 'id', id, this.renderedBy);
    }
    assertDnsSubdomain(path, 'id', id);
    const key = `${collection}/${id}`;
    if (this.ids.has(key)) {
      throw duplicateName(path, 'id', id, this.ids.get(key)!);
    }
    this.ids.set(key, path);
    this.onChange();
    return path;
  }

  /** Adds a registered element to its collection and marks it as declared here. */
  public adopt<T extends object>(collection: DeclarationCollection, element: T): T {
    const list = this.lists.get(collection) ?? [];
    list.push(element);
    this.lists.set(collection, list);
    this.members.add(element);
    this.onChange();
    return element;
  }

  /** The elements of a collection, in declaration order. */
  public list<T>(collection: DeclarationCollection): readonly T[] {
    return [...(this.lists.get(collection) ?? [])] as T[];
  }

  /** Whether an element was declared in this declaration. */
  public has(value: unknown): boolean {
    return typeof value === 'object' && value !== null && this.members.has(value);
  }

  /** Throws unless `value` was declared here. */
  public checkDeclared(path: string, prop: string, value: { readonly id: string } | undefined, kind: string, addMethod: string): void {
    if (!this.has(value)) {
      // Never String() an object the caller passed: its toString is the caller's code (and may throw).
      const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
      const shown = typeof id === 'string' ? id : typeof value === 'object' || typeof value === 'symbol' || typeof value === 'function' ? describeType(value) : String(value);
      throw undeclaredReference(path, prop, shown, kind, addMethod);
    }
  }

  /** Claims a name that must be unique across the declaration (`key` scopes it). */
  public claimUnique(path: string, prop: string, key: string, value: string): void {
    const other = this.uniqueNames.get(key);
    if (other !== undefined) {
      throw duplicateName(path, prop, value, other);
    }
    this.uniqueNames.set(key, path);
  }

  /**
   * Records that a renderer rendered the declaration: from then on adding an element is an error,
   * since that renderer's output would silently miss it.
   */
  public markRendered(rendererPath: string): void {
    this.renderedBy ??= rendererPath;
  }
}
