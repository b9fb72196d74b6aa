import { hostIdentity } from '../model/hostId';

/**
 * Raw label → axis name. Module level on purpose: the model keeps this function (source.hostOf), and a closure made
 * inside the build generator would share the generator's context — every raw pair of the build.
 */
function nameHost(alias: Map<string, string>, prefix: string, label: string): string {
  // A destination prefix (kubenurse's path_) is not part of the host; source values never carry it.
  const host = hostIdentity(prefix !== '' && label.startsWith(prefix) ? label.slice(prefix.length) : label);
  return alias.get(host) ?? host;
}

/** A bound host namer: what the model keeps (see nameHost). */
export function hostNamer(alias: Map<string, string>, prefix = ''): (label: string) => string {
  return nameHost.bind(undefined, alias, prefix);
}

/** Hosts of one build: raw label → dense id, through the axis name (port stripped, topology alias applied). */
export class HostTable {
  readonly names: string[] = [];
  private ids = new Map<string, number>();
  private byLabel = new Map<string, number>();
  // Table rows come sorted by labels, so one side repeats for long runs: remember the last label seen.
  private lastLabel = '';
  private lastId = -1;

  constructor(private readonly nameOf: (label: string) => string) {}

  /** The id of the host a raw label names; -1 when it names none (only spaces: no row of its own). */
  idOf(label: string): number {
    if (label === this.lastLabel) {
      return this.lastId;
    }
    let id = this.byLabel.get(label);
    if (id === undefined) {
      id = this.intern(this.nameOf(label));
      this.byLabel.set(label, id);
    }
    this.lastLabel = label;
    this.lastId = id;
    return id;
  }

  private intern(name: string): number {
    if (name === '') {
      return -1;
    }
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }
}
