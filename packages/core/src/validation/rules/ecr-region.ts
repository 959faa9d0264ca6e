import { findings, Rule } from "../rule";

const REGION = /^[a-z]{2}(?:-gov)?-[a-z]+-\d{1,2}$/;

/**
 * An AWS Region code such as `eu-central-1` or `us-gov-west-1`: it names the registry's host
 * (`<account>.dkr.ecr.<region>.amazonaws.com`) and its ARNs. Only the form is checked; AWS rejects
 * unknown Regions at apply. The China partition (`cn-*`, `.amazonaws.com.cn`) is not supported.
 */
export const EcrRegion: Rule = {
  id: "EcrRegion",
  explanation: "ECR Regions are AWS Region codes such as eu-central-1 (commercial and GovCloud partitions).",
  check: (region) => {
    const normalized = region.trim().toLowerCase().replace(/[_ ]+/g, "-");
    return findings(
      [!REGION.test(region), "is not an AWS Region code such as eu-central-1", REGION.test(normalized) ? `use "${normalized}"` : undefined],
      [/^cn-/.test(region), "is in the China partition, whose hosts and ARNs this construct does not build"],
    );
  },
};
