import { Observable, from } from 'rxjs';

import {
  DataQuery,
  DataQueryRequest,
  DataQueryResponse,
  DataSourceApi,
  DataSourceInstanceSettings,
  DataSourcePluginMeta,
  DataSourceRef,
  PluginType,
  ScopedVars,
  TestDataSourceResponse,
} from '@grafana/data';
import type { DataSourceSrv, RuntimeDataSourceRegistration, TemplateSrv } from '@grafana/runtime';

import { BackendDataResponse, toBackendResponse, toQueryResponse } from './promFrames';
import { HOST_INFO } from './hostInfo';
import { BuildQueriesOptions, PromTarget, buildExecutedQueries, promApiPath } from './promRequest';

/**
 * Host implementation of the Prometheus data source: queries the real Prometheus through the harness
 * server's `/api/prom` proxy and shapes the answer exactly as Grafana's Prometheus data source does
 * (promFrames.ts). Used for panel targets and for a panel's own `getDataSourceSrv().get().query()`.
 */

export const PROM_PROXY_URL = '/api/prom';

export type PromQuery = DataQuery & Omit<PromTarget, 'refId' | 'hide'>;

export interface RunOptions extends BuildQueriesOptions {
  baseUrl?: string;
}

/** Runs all targets concurrently; always resolves (HTTP and network failures become `errors`). */
export async function runPromTargets(targets: PromTarget[], opts: RunOptions): Promise<DataQueryResponse> {
  const baseUrl = opts.baseUrl ?? PROM_PROXY_URL;
  const executed = buildExecutedQueries(targets, opts);
  const results: Record<string, BackendDataResponse> = {};
  await Promise.all(
    executed.map(async (q) => {
      try {
        // The harness proxy then answers 200 and reports Prometheus' status in a header (see server.ts).
        const res = await fetch(baseUrl + promApiPath(q), { headers: { 'x-harness-status-in-header': '1' } });
        const status = Number(res.headers.get('x-upstream-status') ?? res.status);
        results[q.refId] = toBackendResponse(await res.text(), status, q);
      } catch (e) {
        // Grafana's backend reports transport errors as 502 without frames.
        results[q.refId] = { status: 502, frames: [], error: e instanceof Error ? e.message : String(e) };
      }
    })
  );
  return toQueryResponse(results, executed, targets);
}

const PROM_META: DataSourcePluginMeta = {
  id: 'prometheus',
  name: 'Prometheus',
  type: PluginType.datasource,
  module: 'core:plugin/prometheus',
  baseUrl: 'public/plugins/prometheus',
  metrics: true,
  backend: true,
  info: {
    author: { name: 'Grafana Labs' },
    description: 'harness stand-in for the core Prometheus data source',
    links: [],
    logos: { small: '', large: '' },
    screenshots: [],
    updated: '',
    version: HOST_INFO.grafana,
  },
};

export const PROM_SETTINGS: DataSourceInstanceSettings = {
  id: 1,
  uid: 'prometheus',
  type: 'prometheus',
  name: 'Prometheus',
  access: 'proxy',
  url: PROM_PROXY_URL,
  readOnly: true,
  isDefault: true,
  jsonData: {},
  meta: PROM_META,
};

export class HarnessPrometheusDatasource extends DataSourceApi<PromQuery> {
  constructor(private readonly templateSrv: TemplateSrv) {
    super(PROM_SETTINGS);
  }

  query(request: DataQueryRequest<PromQuery>): Observable<DataQueryResponse> {
    const replace = (text: string) => this.templateSrv.replace(text, request.scopedVars);
    return from(
      runPromTargets(request.targets, {
        fromMs: request.range.from.valueOf(),
        toMs: request.range.to.valueOf(),
        maxDataPoints: request.maxDataPoints,
        replace,
      }).then((res) => ({ ...res, key: request.requestId }))
    );
  }

  async testDatasource(): Promise<TestDataSourceResponse> {
    const res = await fetch(`${PROM_PROXY_URL}/-/ready`);
    return { status: res.ok ? 'success' : 'error', message: res.ok ? 'Prometheus is ready' : `HTTP ${res.status}` };
  }
}

/** Host implementation of DataSourceSrv with the single Prometheus data source (plus runtime registrations). */
export class HarnessDataSourceSrv implements DataSourceSrv {
  private readonly runtime = new Map<string, DataSourceApi>();
  private readonly prometheus: DataSourceApi;

  constructor(
    prometheus: HarnessPrometheusDatasource,
    private readonly templateSrv: TemplateSrv
  ) {
    // DataSourceApi<PromQuery> is not assignable to DataSourceApi<DataQuery> (editor props are contravariant).
    this.prometheus = prometheus as unknown as DataSourceApi;
  }

  private find(ref?: DataSourceRef | string | null, scopedVars?: ScopedVars): DataSourceApi | undefined {
    if (ref === null || ref === undefined || ref === 'default') {
      return this.prometheus;
    }
    const key = typeof ref === 'string' ? this.templateSrv.replace(ref, scopedVars) : ref.uid;
    if (typeof ref !== 'string' && !ref.uid) {
      return ref.type === 'prometheus' ? this.prometheus : undefined;
    }
    if (key && this.runtime.has(key)) {
      return this.runtime.get(key);
    }
    return key === PROM_SETTINGS.uid || key === PROM_SETTINGS.name ? this.prometheus : undefined;
  }

  async get(ref?: DataSourceRef | string | null, scopedVars?: ScopedVars): Promise<DataSourceApi> {
    const ds = this.find(ref, scopedVars);
    if (!ds) {
      throw new Error(`Datasource ${typeof ref === 'string' ? ref : JSON.stringify(ref)} was not found`);
    }
    return ds;
  }

  getList(): DataSourceInstanceSettings[] {
    return [PROM_SETTINGS];
  }

  getInstanceSettings(
    ref?: DataSourceRef | string | null,
    scopedVars?: ScopedVars
  ): DataSourceInstanceSettings | undefined {
    return this.find(ref, scopedVars) === this.prometheus ? PROM_SETTINGS : undefined;
  }

  // Grafana 13.2 types it Promise<void> (12.x: void); a promise satisfies both.
  async reload(): Promise<void> {}

  registerRuntimeDataSource(entry: RuntimeDataSourceRegistration): void {
    this.runtime.set(entry.dataSource.uid, entry.dataSource);
  }
}
