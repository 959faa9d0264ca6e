import { DataAzurermStorageAccountBlobContainerSas } from "@cdktf/provider-azurerm/lib/data-azurerm-storage-account-blob-container-sas";
import { createHash } from "crypto";
import { DataResource, Fn } from "cdktf";
import { Construct } from "constructs";
import { ContainerSasOptions, DEFAULT_SAS_VALIDITY_DAYS, SasPermissions } from "./access";
import { blobAccountUrl } from "./endpoints";

/** Props of ContainerSasConnectionString: the account and container to sign a SAS for, its permissions, and its expiry options. */
export interface ContainerSasConnectionStringProps {
  /** An account-key connection string to sign with (a storage account's attribute, never a literal). */
  readonly accountConnectionString: string;
  readonly accountName: string;
  readonly containerName: string;
  readonly permissions: SasPermissions;
  readonly options: ContainerSasOptions;
}

/**
 * A container-scoped SAS as a connection string the Azure SDK accepts
 * (`BlobServiceClient.from_connection_string` / `ContainerClient.from_connection_string`):
 * `BlobEndpoint=https://<account>.blob.core.windows.net/;SharedAccessSignature=<token without '?'>`.
 *
 * The SAS is computed locally by the azurerm provider from the account key (no API call), HTTPS only.
 * Its start and expiry come from a `terraform_data` resource that takes `plantimestamp()` once and
 * ignores later changes, so the SAS (and the block holding it) stays the same on every plan until
 * the expiry or `rotation` option changes, which replaces that resource and so re-issues the SAS.
 */
export class ContainerSasConnectionString extends Construct {
  /** The connection string (secret: only ever pass it into a block). */
  readonly value: string;
  /** When the SAS expires, RFC 3339 / ISO 8601 (a Terraform expression unless given literally). */
  readonly expiry: string;
  readonly sas: DataAzurermStorageAccountBlobContainerSas;
  readonly validity: DataResource;
  /**
   * A number that changes exactly when the SAS is re-issued by configuration (expiry, validity or
   * rotation changed): the `data_wo_version` of a write-only block, which otherwise would never
   * receive the new SAS.
   */
  readonly renewalVersion: number;

  constructor(scope: Construct, id: string, props: ContainerSasConnectionStringProps) {
    super(scope, id);
    const { expiry, rotation } = props.options;
    const validityDays = props.options.validityDays ?? DEFAULT_SAS_VALIDITY_DAYS;
    this.validity = new DataResource(this, "validity", {
      input: {
        // Fifteen minutes back, as Azure advises, so a clock running behind does not refuse a new SAS.
        start: Fn.timeadd(Fn.plantimestamp(), "-15m"),
        expiry: expiry ?? Fn.timeadd(Fn.plantimestamp(), `${validityDays * 24}h`),
      },
      triggersReplace: withoutUndefined({
        expiry,
        validity_days: expiry === undefined ? String(validityDays) : undefined,
        rotation: rotation === undefined ? undefined : String(rotation),
      }),
      lifecycle: { ignoreChanges: ["input"] },
    });
    this.expiry = expiry ?? this.validity.output.lookup("expiry");
    const renewal = JSON.stringify([expiry ?? null, expiry === undefined ? validityDays : null, rotation ?? null]);
    this.renewalVersion = parseInt(createHash("sha256").update(renewal).digest("hex").slice(0, 8), 16);

    this.sas = new DataAzurermStorageAccountBlobContainerSas(this, "sas", {
      connectionString: props.accountConnectionString,
      containerName: props.containerName,
      httpsOnly: true,
      start: this.validity.output.lookup("start"),
      expiry: this.validity.output.lookup("expiry"),
      // The data source names the SAS `d` permission `delete`.
      permissions: (({ deleteBlobs, ...rest }) => ({ ...rest, delete: deleteBlobs }))(props.permissions),
    });
    this.value = `BlobEndpoint=${blobAccountUrl(props.accountName)}/;SharedAccessSignature=${Fn.trimprefix(this.sas.sas, "?")}`;
  }
}

function withoutUndefined(o: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => e[1] !== undefined));
}
