package io.jixiao.budget;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A voucher number (凭证号) taken in a department-year, and the disbursement that holds it: a number is used once
 * per department-year. Written with its disbursement (DisbursementBatch); removed when that is reversed.
 */
@Entity
@Table(name = "voucher_number")
@IdClass(VoucherNumber.Key.class)
public class VoucherNumber extends PanacheEntityBase {

    public record Key(String departmentCode, int fiscalYear, String voucherNumber) implements Serializable {
        public Key() {
            this(null, 0, null);
        }
    }

    @Id
    public String departmentCode;

    @Id
    public int fiscalYear;

    @Id
    public String voucherNumber;

    @Column(nullable = false)
    public UUID entryId;
}
