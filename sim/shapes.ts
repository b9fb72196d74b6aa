// Exporter-shaped series: kubenurse, Goldpinger (HTTP ping, UDP probe, active/passive sharding, without topology)
// and R-Pingmesh, with the metric names, labels, buckets and units of their sources (see sim/README.md). Every
// scenario applies: the probes of a pair see its Sample (probe.ts). Pure: no Node or DOM APIs.
import { ShapeFamily } from './exposition';
import { ShapeOptions } from './shapeCommon';
import { goldpingerFamilies } from './shapeGoldpinger';
import { kubeStateFamilies, kubenurseFamilies } from './shapeKubernetes';
import { rpingmeshFamilies } from './shapeRpingmesh';

export {
  ACTIVE_NODE_PERCENTAGE,
  BUCKETS,
  EXPORTER_UPTIME_MS,
  METRICS,
  SHAPE_FORMATS,
  isShapeFormat,
} from './shapeCommon';
export type { ShapeFormat, ShapeOptions } from './shapeCommon';

/** The families a format writes, in file order. */
export function shapeFamilies(o: ShapeOptions): ShapeFamily[] {
  switch (o.format) {
    case 'kubenurse':
      return [...kubenurseFamilies(o), ...kubeStateFamilies(o.topo, 'kubenurse')];
    case 'rpingmesh':
      return rpingmeshFamilies(o);
    default:
      return goldpingerFamilies(o);
  }
}

